import { STATUS_LABELS, type TaskStatus } from '@/shared/status';

const TONES: Record<TaskStatus, string> = {
  queued: 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600',
  running: 'bg-brand-50 text-brand-800 ring-brand-200 dark:bg-brand-950 dark:text-brand-100 dark:ring-brand-800',
  succeeded:
    'bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800',
  failed: 'bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800',
  canceled: 'bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800',
};

/** A task's status in the product's words (STATUS_LABELS), coloured by meaning. */
export function StatusBadge({ status, className = '' }: { status: TaskStatus; className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[status]} ${className}`}
    >
      {status === 'running' || status === 'queued' ? (
        <span className="size-1.5 animate-pulse rounded-full bg-current" aria-hidden="true" />
      ) : null}
      {STATUS_LABELS[status]}
    </span>
  );
}
