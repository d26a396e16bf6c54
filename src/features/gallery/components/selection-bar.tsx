import { Button, buttonClasses } from '@/components/button';
import { Icon } from '@/components/icons';
import { zipDownloadUrl } from '@/lib/zip-download-url';
import type { Task } from '@/shared/contract';
import type { Selection } from '@/features/gallery/hooks/use-selection';

/* Side by side, more than four is too small to judge. */
const COMPARE_MIN = 2;
const COMPARE_MAX = 4;

export interface SelectionBarProps {
  selection: Selection;
  onCompare?: (tasks: Task[]) => void;
  onMontage?: (tasks: Task[]) => void;
}

/** What to do with the ticked cards: one ZIP of them, or play them side by side. */
export function SelectionBar({ selection, onCompare, onMontage }: SelectionBarProps) {
  const { ids, tasks } = selection;
  const ready = tasks.filter((task) => task.status === 'succeeded');
  const canCompare = ready.length === ids.length && ids.length >= COMPARE_MIN && ids.length <= COMPARE_MAX;
  return (
    <div
      role="region"
      aria-label="Selected videos"
      data-testid="selection-bar"
      className="sticky bottom-3 z-20 flex flex-wrap items-center gap-2 rounded-xl bg-white px-3 py-2 shadow-lg ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
    >
      {/* Actions at the start: toasts appear at the bottom right, over the end of the bar. */}
      <p className="mr-2 text-sm font-medium" aria-live="polite">
        {ids.length} selected
      </p>
      {ready.length ? (
        <a href={zipDownloadUrl({ taskIds: ids })} download className={buttonClasses('secondary', 'sm')}>
          <Icon name="download" /> Download selected (ZIP)
        </a>
      ) : null}
      {onCompare ? (
        <Button
          size="sm"
          variant="primary"
          disabled={!canCompare}
          title={canCompare ? undefined : `Pick ${COMPARE_MIN} to ${COMPARE_MAX} ready videos to compare`}
          onClick={() => onCompare(ready)}
        >
          Compare
        </Button>
      ) : null}
      {onMontage && ready.length ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => onMontage(ready)}
          title="Join the ready ones into one video"
        >
          Montage
        </Button>
      ) : null}
      <Button size="sm" variant="ghost" onClick={selection.clear}>
        Clear
      </Button>
      {!canCompare && onCompare ? (
        <p className="w-full text-xs text-slate-600 dark:text-slate-400">
          Compare plays {COMPARE_MIN} to {COMPARE_MAX} ready videos side by side.
        </p>
      ) : null}
    </div>
  );
}
