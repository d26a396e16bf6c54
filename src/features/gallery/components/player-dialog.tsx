import { Button, buttonClasses } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Icon } from '@/components/icons';
import { LocalPreviewNote } from '@/components/local-preview-note';
import { MODE_LABELS } from '@/lib/mode-labels';
import type { Task } from '@/shared/contract';
import { useTaskSnapshot } from '@/lib/task-polling/use-task-snapshot';
import { useCopyLink } from '@/features/gallery/hooks/use-copy-link';

export interface PlayerDialogProps {
  task: Task;
  onClose: () => void;
}

/** The larger player: native controls (seekable; the server answers Range requests), download and link. */
export function PlayerDialog({ task: opened, onClose }: PlayerDialogProps) {
  const task = useTaskSnapshot(opened);
  const copyLink = useCopyLink();
  const result = task.result;
  return (
    <Dialog open onClose={onClose} title="Watch the video" size="max-w-4xl">
      {result ? (
        <>
          <video
            key={result.video_url}
            src={result.video_url}
            poster={result.poster_url}
            controls
            autoPlay
            playsInline
            preload="metadata"
            data-testid="player-video"
            aria-label={`Video: ${task.prompt}`}
            className="max-h-[70vh] w-full rounded-lg bg-black focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-500"
          />
          <LocalPreviewNote task={task} />
          <p className="text-sm text-slate-800 dark:text-slate-200">{task.prompt}</p>
          <div className="flex flex-wrap items-center gap-2">
            <p className="mr-auto text-xs text-slate-600 dark:text-slate-400">
              {MODE_LABELS[task.mode]} · {task.duration} s · {task.resolution} · {result.width}×{result.height}
            </p>
            <Button size="sm" variant="ghost" onClick={() => void copyLink(result.video_url)}>
              <Icon name="link" /> Copy link
            </Button>
            <a href={result.download_url} download className={buttonClasses('primary', 'sm')}>
              <Icon name="download" /> Download MP4
            </a>
          </div>
        </>
      ) : (
        <p className="text-sm">This video is not ready to play.</p>
      )}
    </Dialog>
  );
}
