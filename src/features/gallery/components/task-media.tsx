import { useState, type CSSProperties, type PointerEvent, type ReactNode, type SyntheticEvent } from 'react';
import { Icon } from '@/components/icons';
import type { Task } from '@/shared/contract';
import { mediaFrame } from '@/features/gallery/lib/media-frame';

export interface TaskMediaProps {
  task: Task;
  onOpenPlayer: () => void;
  /** The first cards are on screen at once: load their pictures now rather than lazily. */
  eager: boolean;
}

const FRAME = 'relative overflow-hidden bg-slate-200 dark:bg-slate-800';

/** The picture's frame in the picture's own shape; past the frame's bounds, a blurred copy fills the sides. */
function Frame({
  size,
  backdrop,
  className = '',
  children,
  ...pointer
}: {
  size: { width: number; height: number } | null;
  backdrop: string;
  className?: string;
  children: ReactNode;
  onPointerEnter?: (event: PointerEvent) => void;
  onPointerLeave?: () => void;
}) {
  const { ratio, letterboxed } = mediaFrame(size);
  const style: CSSProperties = { aspectRatio: String(ratio) };
  return (
    <div className={`${FRAME} ${className}`} style={style} data-testid="task-media" {...pointer}>
      {letterboxed ? (
        <img
          src={backdrop}
          alt=""
          aria-hidden="true"
          className="absolute inset-0 size-full scale-110 object-cover opacity-60 blur-lg"
        />
      ) : null}
      {children}
    </div>
  );
}

/**
 * The card's picture, in the video's true shape. A mouse over a finished video plays a muted
 * preview in place; a click or a tap on it (or its play button) opens the larger player, so
 * the click never undoes the hover and one tap on a phone plays. The <video> exists only
 * while it previews, so a long gallery loads posters only.
 */
export function TaskMedia({ task, onOpenPlayer, eager }: TaskMediaProps) {
  const loading = eager ? 'eager' : 'lazy';
  const [previewing, setPreviewing] = useState(false);
  // A reference image that no longer loads (the usual reason such a task failed) leaves a plain
  // frame rather than the browser's broken-image icon; the card's message says what happened.
  const [imageBroken, setImageBroken] = useState(false);
  const [imageSize, setImageSize] = useState<{ width: number; height: number } | null>(null);
  const result = task.status === 'succeeded' ? task.result : null;

  if (!result) {
    const measure = (event: SyntheticEvent<HTMLImageElement>) =>
      setImageSize({ width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight });
    return (
      <Frame size={imageSize} backdrop={task.image}>
        <img
          hidden={imageBroken}
          onError={() => setImageBroken(true)}
          onLoad={measure}
          src={task.image}
          alt=""
          loading={loading}
          decoding="async"
          className={`relative size-full object-contain ${task.status === 'failed' || task.status === 'canceled' ? 'opacity-40 grayscale' : 'opacity-70 blur-[1px]'}`}
        />
        {task.status === 'queued' || task.status === 'running' ? (
          <div className="absolute inset-0 flex items-center justify-center">
            <span className="rounded-full bg-slate-950/70 px-3 py-1 text-sm font-medium text-white tabular-nums">
              {task.status === 'queued' ? 'Waiting to start' : `${Math.round(task.progress)}%`}
            </span>
          </div>
        ) : null}
      </Frame>
    );
  }

  const open = () => {
    setPreviewing(false);
    onOpenPlayer();
  };
  return (
    <Frame
      size={result}
      backdrop={result.poster_url}
      className="group/media"
      // Only a mouse previews: a touch also fires pointerenter, and its tap opens the player.
      onPointerEnter={(event) => setPreviewing(event.pointerType === 'mouse')}
      onPointerLeave={() => setPreviewing(false)}
    >
      <img
        src={result.poster_url}
        alt=""
        loading={loading}
        decoding="async"
        className="relative size-full object-contain"
      />
      {previewing ? (
        <video
          src={result.video_url}
          poster={result.poster_url}
          preload="none"
          autoPlay
          muted
          loop
          playsInline
          className="absolute inset-0 size-full object-contain"
          data-testid="inline-video"
        />
      ) : null}
      <button
        type="button"
        onClick={open}
        aria-label="Play the video"
        title="Play in the larger player"
        className="absolute inset-0 flex cursor-pointer items-center justify-center focus-visible:outline-2 focus-visible:-outline-offset-4 focus-visible:outline-white"
      >
        <span className="flex size-12 items-center justify-center rounded-full bg-slate-950/60 text-white group-hover/media:bg-slate-950/80">
          <Icon name="play" className="size-6 translate-x-0.5" />
        </span>
      </button>
      <span className="pointer-events-none absolute bottom-2 left-2 rounded bg-slate-950/70 px-1.5 py-0.5 text-xs font-medium text-white tabular-nums">
        {Math.round(result.duration_s)} s
      </span>
    </Frame>
  );
}
