import { Dialog } from '@/components/dialog';
import { ComparePreviewNote } from '@/components/local-preview-note';
import { formatCredits } from '@/lib/format-credits';
import { MODE_LABELS } from '@/lib/mode-labels';
import type { Task } from '@/shared/contract';
import { useSyncedVideos } from '@/features/compare/hooks/use-synced-videos';
import { SyncControls } from './sync-controls';

export interface CompareDialogProps {
  /** Two to four finished videos. */
  tasks: readonly Task[];
  onClose: () => void;
}

/** Finished videos side by side, played, paused and scrubbed together, with what each is and cost. */
export function CompareDialog({ tasks, onClose }: CompareDialogProps) {
  const sync = useSyncedVideos();
  const columns = tasks.length === 3 ? 'sm:grid-cols-3' : 'sm:grid-cols-2';
  return (
    <Dialog open onClose={onClose} title={`Compare ${tasks.length} videos`} size="max-w-6xl">
      <ComparePreviewNote tasks={tasks} />
      <div className={`grid grid-cols-2 gap-3 ${columns}`}>
        {tasks.map((task, index) =>
          task.result ? (
            <figure key={task.task_id} className="flex min-w-0 flex-col gap-1.5" data-testid="compare-item">
              <video
                ref={sync.register(index)}
                src={task.result.video_url}
                poster={task.result.poster_url}
                muted
                playsInline
                preload="auto"
                onLoadedMetadata={sync.onMetadata}
                aria-label={`${MODE_LABELS[task.mode]} ${task.duration} s ${task.resolution}: ${task.prompt}`}
                className="aspect-video w-full rounded-lg bg-black object-contain"
              />
              <figcaption className="flex flex-col gap-0.5 text-xs">
                <span className="font-semibold text-slate-900 dark:text-slate-100">
                  {MODE_LABELS[task.mode]} · {task.duration} s · {task.resolution}
                </span>
                <span className="text-slate-600 dark:text-slate-400">
                  {formatCredits(task.charged_credits || task.price_credits)} · {task.result.width}×{task.result.height}
                </span>
                <span className="line-clamp-2 text-slate-600 dark:text-slate-400" title={task.prompt}>
                  {task.prompt}
                </span>
              </figcaption>
            </figure>
          ) : null,
        )}
      </div>
      <SyncControls
        playing={sync.playing}
        time={sync.time}
        duration={sync.duration}
        onPlay={sync.play}
        onPause={sync.pause}
        onSeek={sync.seek}
      />
    </Dialog>
  );
}
