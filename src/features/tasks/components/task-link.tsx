import { Link } from 'wouter';

/** A task's id, linking to its inspector page. */
export function TaskLink({ taskId, className = 'break-all' }: { taskId: string; className?: string }) {
  return (
    <Link
      to={`/tasks/${encodeURIComponent(taskId)}`}
      className={`inline-block rounded py-1 font-mono text-xs text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300 ${className}`}
      data-testid="task-link"
    >
      {taskId}
    </Link>
  );
}
