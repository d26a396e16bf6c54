import { Link } from 'wouter';
import { Button } from '@/components/button';

const PANEL = 'flex flex-col items-center gap-3 rounded-2xl border border-dashed p-8 text-center';

export function TaskListLoading() {
  return (
    <div className="flex flex-col gap-2" aria-hidden="true" data-testid="task-list-loading">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="h-12 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
      ))}
    </div>
  );
}

/** No tasks at all yet: support has nothing to look at until someone generates a video. */
export function TaskListEmpty() {
  return (
    <div className={`${PANEL} border-slate-300 dark:border-slate-700`} data-testid="task-list-empty">
      <h2 className="text-base font-semibold">No tasks yet</h2>
      <p className="max-w-md text-sm text-slate-700 dark:text-slate-300">
        Tasks appear here as soon as a video is requested, from the dashboard or through the API.
      </p>
      <Link
        to="/"
        className="rounded font-medium text-brand-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300"
      >
        Make a video
      </Link>
    </div>
  );
}

export function TaskListNoMatch({ onClear }: { onClear: () => void }) {
  return (
    <div className={`${PANEL} border-slate-300 dark:border-slate-700`} data-testid="task-list-no-match">
      <h2 className="text-base font-semibold">No tasks match these filters</h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Widen the dates, pick more statuses, or clear the filters.
      </p>
      <Button onClick={onClear}>Clear filters</Button>
    </div>
  );
}

export function TaskListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className={`${PANEL} border-red-300 dark:border-red-800`} role="alert" data-testid="task-list-error">
      <h2 className="text-base font-semibold">The tasks could not be loaded</h2>
      <p className="max-w-md text-sm text-slate-700 dark:text-slate-300">{message}</p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
