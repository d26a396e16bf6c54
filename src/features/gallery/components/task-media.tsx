import { useState } from 'react';
import { Icon } from '@/components/icons';
import type { Task } from '@/shared/contract';

export interface TaskMediaProps {
  task: Task;
  onOpenPlayer: () => void;
  /** The first cards are on screen at once: load their pictures now rather than lazily. */
  eager: boolean;
}

/**
 * The card's picture. A finished video plays in place on hover or on a click (tap on a
 * phone); the <video> exists only while it plays, so a long gallery loads posters only.
 */
export function TaskMedia({ task, onOpenPlayer, eager }: TaskMediaProps) {
  const loading = eager ? 'eager' : 'lazy';
  const [playing, setPlaying] = useState(false);
  // A reference image that no longer loads (the usual reason such a task failed) leaves a plain
  // frame rather than the browser's broken-image icon; the card's message says what happened.
  const [imageBroken, setImageBroken] = useState(false);
  const result = task.status === 'succeeded' ? task.result : null;
  const frame = 'relative aspect-video overflow-hidden bg-slate-200 dark:bg-slate-800';

  if (!result) {
    return (
      <div className={frame}>
        <img
          hidden={imageBroken}
          onError={() => setImageBroken(true)}
          src={task.image}
          alt=""
          loading={loading}
          decoding="async"
          className={`size-full object-cover ${task.status === 'failed' || task.status === 'canceled' ? 'opacity-40 grayscale' : 'opacity-70 blur-[1px]'}`}
        />
        {task.status === 'queued' || task.status === 'running' ? (
          <div className="absolute inset-0 flex items-center justify-center">
            <span className="rounded-full bg-slate-950/70 px-3 py-1 text-sm font-medium text-white tabular-nums">
              {task.status === 'queued' ? 'Waiting to start' : `${Math.round(task.progress)}%`}
            </span>
          </div>
        ) : null}
      </div>
    );
  }

  return (
    <div
      className={`${frame} group/media`}
      onMouseEnter={() => setPlaying(true)}
      onMouseLeave={() => setPlaying(false)}
    >
      <img src={result.poster_url} alt="" loading={loading} decoding="async" className="size-full object-cover" />
      {playing ? (
        <video
          src={result.video_url}
          poster={result.poster_url}
          preload="none"
          autoPlay
          muted
          loop
          playsInline
          className="absolute inset-0 size-full object-cover"
          data-testid="inline-video"
        />
      ) : null}
      <button
        type="button"
        onClick={() => setPlaying((p) => !p)}
        aria-label={playing ? 'Stop the preview' : 'Play a preview here'}
        aria-pressed={playing}
        className="absolute inset-0 flex items-center justify-center focus-visible:outline-2 focus-visible:-outline-offset-4 focus-visible:outline-white"
      >
        <span
          className={`flex size-12 items-center justify-center rounded-full bg-slate-950/60 text-white transition-opacity ${playing ? 'opacity-0 group-hover/media:opacity-0' : 'opacity-100'}`}
        >
          <Icon name="play" className="size-6 translate-x-0.5" />
        </span>
      </button>
      <button
        type="button"
        onClick={onOpenPlayer}
        aria-label="Open the larger player"
        title="Larger player"
        className="absolute top-2 right-2 rounded-lg bg-slate-950/60 p-1.5 text-white hover:bg-slate-950/80 focus-visible:outline-2 focus-visible:outline-white"
      >
        <Icon name="expand" />
      </button>
      <span className="pointer-events-none absolute bottom-2 left-2 rounded bg-slate-950/70 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">
        {Math.round(result.duration_s)} s
      </span>
    </div>
  );
}
