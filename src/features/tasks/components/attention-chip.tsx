export interface AttentionChipProps {
  pressed: boolean;
  /** Tasks that need a person, for the filters but the status; undefined while loading. */
  count: number | undefined;
  onChange: (pressed: boolean) => void;
}

const CHIP =
  'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500';
const ON = 'bg-amber-500 text-amber-950 dark:bg-amber-400 dark:text-amber-950';
const WAITING =
  'bg-amber-50 text-amber-950 ring-1 ring-amber-400 hover:bg-amber-100 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-600 dark:hover:bg-amber-900';
const QUIET =
  'bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800';

/**
 * The tasks support has to look at: the engine may have made and billed a video we do not have.
 * Amber while there are any, so they are seen from the unfiltered list.
 */
export function AttentionChip({ pressed, count, onChange }: AttentionChipProps) {
  const tone = pressed ? ON : (count ?? 0) > 0 ? WAITING : QUIET;
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={() => onChange(!pressed)}
      className={`${CHIP} ${tone}`}
      data-testid="attention-chip"
    >
      Needs attention {count === undefined ? null : <span className="text-xs tabular-nums opacity-80">({count})</span>}
    </button>
  );
}
