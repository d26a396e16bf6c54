import { useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { cropProblem, cropRect, dragged, type Framing } from '@/lib/framing/crop-rect';
import { FRAME_RATIOS, FRAME_USES } from '@/shared/frames';
import type { FramedPhoto, FramingState } from './use-framing';

const OPTIONS: { value: Framing; label: string; hint: string }[] = [
  { value: 'photo', label: 'As the photo', hint: 'Its own shape' },
  ...FRAME_RATIOS.map((ratio) => ({ value: ratio, label: ratio, hint: FRAME_USES[ratio] })),
];

const KEY_STEP = 0.05;
const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export interface FramingFieldProps {
  state: FramingState;
  /** The photo the preview shows (the first of a batch); null before one is ready. */
  photo: FramedPhoto | null;
  /** The single form lets the person place the crop; a batch centres it on every photo. */
  movable: boolean;
}

/**
 * The frame a video is made in: Hailuo follows the reference image's shape, so the frame is
 * chosen on the photo — radio options labelled with their ratio, a live preview of the crop the
 * person can drag (or move with the arrow keys), and a note when the crop is too small for Hailuo.
 */
export function FramingField({ state, photo, movable }: FramingFieldProps) {
  const name = useId();
  const noteId = useId();
  const image = useRef<HTMLImageElement | null>(null);
  const drag = useRef<{ x: number; y: number } | null>(null);
  const { framing, position } = state;
  const crop = photo ? cropRect(photo.width, photo.height, framing, position) : null;
  const problem = cropProblem(crop, framing);
  const unreadable = framing !== 'photo' && photo && !photo.pixelsUrl;

  const move = (dx: number, dy: number) => {
    if (!photo || !crop || !image.current) return;
    const scale = image.current.clientWidth / photo.width;
    state.setPosition(dragged(position, crop, photo, dx, dy, scale));
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    move(event.clientX - drag.current.x, event.clientY - drag.current.y);
    drag.current = { x: event.clientX, y: event.clientY };
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const arrow = ARROWS[event.key];
    if (!arrow || !photo || !crop) return;
    event.preventDefault();
    const roomX = photo.width - crop.width;
    const roomY = photo.height - crop.height;
    const next = {
      x: roomX ? Math.min(1, Math.max(0, position.x + arrow[0] * KEY_STEP)) : 0.5,
      y: roomY ? Math.min(1, Math.max(0, position.y + arrow[1] * KEY_STEP)) : 0.5,
    };
    state.setPosition(next);
  };

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" data-testid="framing">
      <legend className="mb-2 text-sm font-semibold">Frame</legend>
      <div className="grid grid-cols-3 gap-2 sm:grid-cols-5">
        {OPTIONS.map((option) => {
          const checked = option.value === framing;
          return (
            <label
              key={option.value}
              className={[
                'flex cursor-pointer flex-col gap-0.5 rounded-lg border px-2.5 py-2 text-sm transition-colors',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500',
                checked
                  ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600 dark:border-brand-400 dark:bg-brand-950/50 dark:ring-brand-400'
                  : 'border-slate-300 bg-white hover:border-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:hover:border-slate-500',
              ].join(' ')}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => state.setFraming(option.value)}
                aria-describedby={problem || unreadable ? noteId : undefined}
                className="sr-only"
              />
              <span className="font-medium">{option.label}</span>
              <span className="text-xs text-slate-600 dark:text-slate-400">{option.hint}</span>
            </label>
          );
        })}
      </div>
      {photo?.pixelsUrl && crop ? (
        <div className="flex flex-col items-center gap-1">
          <div className="relative inline-block touch-none overflow-hidden rounded-lg select-none">
            <img ref={image} src={photo.pixelsUrl} alt="" draggable={false} className="block max-h-64 max-w-full" />
            <div
              role={movable ? 'slider' : 'img'}
              tabIndex={movable ? 0 : undefined}
              aria-label={
                movable
                  ? `The ${framing} crop: drag it, or move it with the arrow keys`
                  : `The ${framing} crop, centred on each photo`
              }
              aria-valuetext={
                movable ? `${Math.round(position.x * 100)}% across, ${Math.round(position.y * 100)}% down` : undefined
              }
              data-testid="framing-crop"
              onPointerDown={movable ? onPointerDown : undefined}
              onPointerMove={movable ? onPointerMove : undefined}
              onPointerUp={() => (drag.current = null)}
              onKeyDown={movable ? onKeyDown : undefined}
              className={[
                'absolute rounded-sm border-2 border-white shadow-[0_0_0_9999px_rgba(15,23,42,0.6)] outline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-500',
                movable ? 'cursor-move' : '',
              ].join(' ')}
              style={{
                left: `${(crop.x / photo.width) * 100}%`,
                top: `${(crop.y / photo.height) * 100}%`,
                width: `${(crop.width / photo.width) * 100}%`,
                height: `${(crop.height / photo.height) * 100}%`,
              }}
            />
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="framing-size">
            {crop.width}×{crop.height} px{movable ? ' · drag the frame to place it' : ' · centred on each photo'}
          </p>
        </div>
      ) : null}
      {problem || unreadable ? (
        <p id={noteId} role="alert" className="text-sm text-amber-800 dark:text-amber-300" data-testid="framing-note">
          {problem ?? 'A linked photo cannot be framed here: download it and drop the file instead.'}
        </p>
      ) : null}
      {state.status.kind === 'error' && !problem ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.status.message}
        </p>
      ) : null}
    </fieldset>
  );
}
