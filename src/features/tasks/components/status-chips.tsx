import { STATUS_LABELS, TASK_STATUSES, type TaskStatus } from '@/shared/status';
import { toggleStatus } from '@/features/tasks/lib/list-filters';

export interface StatusChipsProps {
  selected: readonly TaskStatus[];
  counts: Partial<Record<TaskStatus, number>> | undefined;
  onChange: (statuses: TaskStatus[]) => void;
}

const CHIP =
  'inline-flex h-8 shrink-0 items-center gap-1.5 rounded-full px-3 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500';
const ON = 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900';
const OFF =
  'bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-100 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800';
const FAILED_OFF =
  'bg-red-50 text-red-800 ring-1 ring-red-300 hover:bg-red-100 dark:bg-red-950 dark:text-red-200 dark:ring-red-800 dark:hover:bg-red-900';

function total(counts: StatusChipsProps['counts']): number | undefined {
  return counts ? TASK_STATUSES.reduce((sum, status) => sum + (counts[status] ?? 0), 0) : undefined;
}

function Count({ value }: { value: number | undefined }) {
  return value === undefined ? null : <span className="text-xs tabular-nums opacity-80">({value})</span>;
}

/**
 * The count of tasks in each status, and the status filter itself: each chip adds or removes
 * its status, so the failed tasks are one click from the unfiltered list.
 */
export function StatusChips({ selected, counts, onChange }: StatusChipsProps) {
  return (
    <div
      role="group"
      aria-label="Filter by status"
      className="-mx-1 flex flex-wrap gap-1.5 px-1"
      data-testid="status-chips"
    >
      <button
        type="button"
        aria-pressed={selected.length === 0}
        onClick={() => onChange([])}
        className={`${CHIP} ${selected.length === 0 ? ON : OFF}`}
      >
        All <Count value={total(counts)} />
      </button>
      {TASK_STATUSES.map((status) => {
        const pressed = selected.includes(status);
        const tone = pressed ? ON : status === 'failed' && (counts?.failed ?? 0) > 0 ? FAILED_OFF : OFF;
        return (
          <button
            key={status}
            type="button"
            aria-pressed={pressed}
            data-status={status}
            onClick={() => onChange(toggleStatus(selected, status))}
            className={`${CHIP} ${tone}`}
          >
            {STATUS_LABELS[status]} <Count value={counts?.[status]} />
          </button>
        );
      })}
    </div>
  );
}
