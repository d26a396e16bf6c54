import type { Task } from '@/shared/contract';
import { errorHint } from '@/features/tasks/lib/error-hints';

/** Why the task failed: the server's message, its code, and what that kind of failure means. */
export function TaskFailure({ error, status }: { error: NonNullable<Task['error']>; status: Task['status'] }) {
  return (
    <div
      className="rounded-2xl border border-red-300 bg-red-50 p-4 text-red-950 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100"
      data-testid="task-error"
    >
      <h2 className="text-base font-semibold">
        {status === 'canceled' ? 'This task was canceled' : 'This task failed'}
      </h2>
      <p className="mt-1" data-testid="task-error-message">
        {error.message}
      </p>
      <p className="mt-2 text-sm">{errorHint(error.code)}</p>
      <p className="mt-2 text-sm">
        Error code:{' '}
        <code className="rounded bg-red-100 px-1.5 py-0.5 font-mono dark:bg-red-900/60" data-testid="task-error-code">
          {error.code}
        </code>
      </p>
    </div>
  );
}
