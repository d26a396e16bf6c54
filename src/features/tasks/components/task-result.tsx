import { buttonClasses } from '@/components/button';
import { Icon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { formatEta } from '@/lib/format-eta';
import type { Task } from '@/shared/contract';

function Placeholder({ task }: { task: Task }) {
  const running = task.status === 'running';
  const eta = formatEta(task.eta_s);
  const text = {
    queued: 'Waiting for the engine to start.',
    running: `Generating: ${Math.round(task.progress)}%${eta ? `, ${eta}` : ''}.`,
    succeeded: 'The task succeeded but no video was stored. The upstream exchanges below show what came back.',
    failed: 'No video: the task failed.',
    canceled: 'No video: the task was canceled.',
  }[task.status];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">{text}</p>
      {running || task.status === 'queued' ? (
        <ProgressBar value={running ? task.progress : null} label="Generation progress" />
      ) : null}
    </div>
  );
}

/** The finished video, playable in the page and downloadable as an MP4. */
export function TaskResult({ task }: { task: Task }) {
  const result = task.status === 'succeeded' ? task.result : null;
  if (!result) return <Placeholder task={task} />;
  return (
    <div className="flex flex-col gap-3">
      <video
        controls
        preload="metadata"
        poster={result.poster_url}
        src={result.video_url}
        playsInline
        aria-label="The generated video"
        className="aspect-video w-full rounded-xl bg-black focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-500"
        data-testid="inspector-video"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm text-slate-700 tabular-nums dark:text-slate-300">
          {result.width}×{result.height} · {result.duration_s.toFixed(1)} s · MP4
        </span>
        <a href={result.download_url} download className={buttonClasses('secondary', 'sm')}>
          <Icon name="download" /> Download MP4
        </a>
      </div>
    </div>
  );
}
