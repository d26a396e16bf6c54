import { Link } from 'react-router';

/** A task's id, linking to its inspector page. */
export function TaskLink({ taskId }: { taskId: string }) {
  return (
    <Link
      to={`/tasks/${encodeURIComponent(taskId)}`}
      className="rounded font-mono text-xs break-all text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300"
      data-testid="task-link"
    >
      {taskId}
    </Link>
  );
}
