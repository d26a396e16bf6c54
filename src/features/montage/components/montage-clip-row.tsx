import { Button } from '@/components/button';
import { FIELD_CLASSES } from './field-classes';
import { MONTAGE_LIMITS } from '@/shared/montage-limits';
import type { DraftClip } from '@/features/montage/lib/montage-draft';

export interface MontageClipRowProps {
  clip: DraftClip;
  index: number;
  count: number;
  onChange: (clip: DraftClip) => void;
  onMove: (by: number) => void;
}

/** One clip of the montage: its place in the order, where it starts and ends, and its caption. */
export function MontageClipRow({ clip, index, count, onChange, onMove }: MontageClipRowProps) {
  const n = index + 1;
  const seconds = (value: string, fallback: number) => {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? Math.min(clip.lengthS, Math.max(0, parsed)) : fallback;
  };
  return (
    <li
      className="flex flex-col gap-2 rounded-lg border border-slate-200 p-2 sm:flex-row sm:items-center dark:border-slate-700"
      data-testid="montage-clip"
    >
      <div className="flex items-center gap-2">
        <span className="w-5 text-center text-sm font-semibold">{n}</span>
        {clip.posterUrl ? <img src={clip.posterUrl} alt="" className="h-12 w-20 rounded object-cover" /> : null}
        <div className="flex flex-col">
          <Button
            size="sm"
            variant="ghost"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={`Move clip ${n} earlier`}
          >
            ↑
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={`Move clip ${n} later`}
          >
            ↓
          </Button>
        </div>
      </div>
      <div className="grid flex-1 grid-cols-2 gap-2 sm:grid-cols-[5.5rem_5.5rem_1fr]">
        <label className="flex flex-col text-xs">
          In (s)
          <input
            type="number"
            min={0}
            max={clip.lengthS}
            step={0.1}
            value={clip.startS}
            onChange={(e) => onChange({ ...clip, startS: seconds(e.target.value, clip.startS) })}
            className={FIELD_CLASSES}
            aria-label={`Clip ${n} starts at (seconds)`}
          />
        </label>
        <label className="flex flex-col text-xs">
          Out (s)
          <input
            type="number"
            min={0}
            max={clip.lengthS}
            step={0.1}
            value={clip.endS}
            onChange={(e) => onChange({ ...clip, endS: seconds(e.target.value, clip.endS) })}
            className={FIELD_CLASSES}
            aria-label={`Clip ${n} ends at (seconds)`}
          />
        </label>
        <label className="col-span-2 flex flex-col text-xs sm:col-span-1">
          Caption
          <input
            type="text"
            maxLength={MONTAGE_LIMITS.captionMaxChars}
            value={clip.caption}
            placeholder="Optional"
            onChange={(e) => onChange({ ...clip, caption: e.target.value })}
            className={FIELD_CLASSES}
            aria-label={`Clip ${n} caption`}
          />
        </label>
      </div>
    </li>
  );
}
