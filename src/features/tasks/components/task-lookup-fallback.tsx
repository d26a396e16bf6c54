import { Link, Redirect } from 'wouter';
import { useSupportTasks } from '@/features/tasks/api/get-support-tasks';
import { InspectorLoading, TaskNotFound } from './inspector-states';
import { TaskLink } from './task-link';

/* More than this many matches is a search, not a lookup: the list page shows them all. */
const SHOWN = 10;

/**
 * No task has exactly this id: search for it instead, as the task list does (part of our id,
 * part of the upstream's, or prompt text). One match opens that task; several are listed;
 * none says so plainly.
 */
export function TaskLookupFallback({ text }: { text: string }) {
  const search = useSupportTasks({ q: text, limit: SHOWN + 1 });
  const found = search.data?.pages[0]?.items ?? [];
  if (search.isPending) return <InspectorLoading taskId={text} />;
  if (search.isError || found.length === 0) return <TaskNotFound taskId={text} />;
  if (found.length === 1) {
    return <Redirect to={`/tasks/${encodeURIComponent(found[0]!.task_id)}`} replace state={{ foundBy: text }} />;
  }
  return (
    <div className="flex flex-col items-start gap-3" data-testid="lookup-matches">
      <h1 className="text-2xl font-semibold">No task has exactly this id</h1>
      <p className="text-slate-700 dark:text-slate-300">
        {found.length > SHOWN ? `More than ${SHOWN}` : found.length} tasks have{' '}
        <code className="font-mono break-all">{text}</code> in an id or their prompt:
      </p>
      <ul className="flex flex-col gap-1">
        {found.slice(0, SHOWN).map((task) => (
          <li key={task.task_id} className="flex flex-wrap items-baseline gap-x-3">
            <TaskLink taskId={task.task_id} />
            <span className="line-clamp-1 text-sm text-slate-700 dark:text-slate-300">{task.prompt}</span>
          </li>
        ))}
      </ul>
      <Link
        to={`/tasks?q=${encodeURIComponent(text)}`}
        className="rounded font-medium text-brand-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300"
      >
        See them all in the task list
      </Link>
    </div>
  );
}
