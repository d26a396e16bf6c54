import { Link } from 'wouter';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';

const PANEL = 'flex flex-col items-start gap-3 rounded-2xl border border-dashed p-6';

export function InspectorLoading({ taskId }: { taskId: string }) {
  return (
    <div
      className="flex items-center gap-2 text-slate-700 dark:text-slate-300"
      role="status"
      data-testid="inspector-loading"
    >
      <Spinner /> Loading task <code className="font-mono break-all">{taskId}</code>…
    </div>
  );
}

/** An unknown id: say so plainly and say where to look instead. */
export function TaskNotFound({ taskId }: { taskId: string }) {
  return (
    <div className={`${PANEL} border-slate-300 dark:border-slate-700`} data-testid="task-not-found">
      <h1 className="text-2xl font-semibold">No task with this id</h1>
      <p className="font-mono text-sm break-all">{taskId}</p>
      <p className="max-w-prose text-slate-700 dark:text-slate-300">
        Neither our task ids nor the upstream's match it, nor part of one or a prompt. Check for a missing character,
        then paste it into the lookup box at the top of the page
        <span className="pointer-coarse:hidden">
          {' '}
          (press <kbd className="rounded border border-slate-300 px-1 dark:border-slate-600">/</kbd> to jump there)
        </span>
        . Our ids start with <code className="font-mono">tsk_</code>; the upstream's come from API in One.
      </p>
      <Link
        to="/tasks"
        className="rounded font-medium text-brand-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300"
      >
        Browse all tasks
      </Link>
    </div>
  );
}

export function InspectorError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div className={`${PANEL} border-red-300 dark:border-red-800`} role="alert" data-testid="inspector-error">
      <h1 className="text-2xl font-semibold">The task could not be loaded</h1>
      <p className="text-slate-700 dark:text-slate-300">{message}</p>
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}
