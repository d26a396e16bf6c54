import { Link } from 'wouter';
import { Button, buttonClasses } from '@/components/button';
import { CancelTaskButton } from '@/components/cancel-task-button';
import { Icon } from '@/components/icons';
import { Spinner } from '@/components/spinner';
import { StatusBadge } from '@/components/status-badge';
import type { Task } from '@/shared/contract';
import { rerunPath } from '@/lib/creator-form-links';
import { formatTime } from '@/lib/format-date-time';
import { AttentionBadge } from './attention-badge';
import { CopyCurlButton } from './copy-curl-button';

export interface InspectorHeaderProps {
  task: Task;
  /** What the page was opened with, when it was not our id: the upstream's, or text a search found this task by. */
  foundBy: string | null;
  refreshing: boolean;
  updatedAt: number;
  onRefresh: () => void;
}

function IdRow({ term, value, testId }: { term: string; value: string | null; testId: string }) {
  return (
    <div className="flex min-w-0 flex-wrap items-baseline gap-x-2">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 font-mono text-sm break-all" data-testid={testId}>
        {value ?? <span className="font-sans text-slate-600 dark:text-slate-400">not assigned yet</span>}
      </dd>
    </div>
  );
}

/** Which task this is (both ids), its status, and what support can do with it. */
export function InspectorHeader({ task, foundBy, refreshing, updatedAt, onRefresh }: InspectorHeaderProps) {
  return (
    <header className="flex flex-col gap-3">
      <Link
        to="/tasks"
        className="self-start rounded text-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-brand-300"
      >
        ← All tasks
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Task</h1>
        <StatusBadge status={task.status} className="text-sm" />
        {task.attention ? <AttentionBadge className="text-sm" /> : null}
      </div>
      <dl className="flex flex-col gap-1">
        <IdRow term="Our id" value={task.task_id} testId="inspector-task-id" />
        <IdRow term="Upstream id" value={task.upstream_task_id} testId="inspector-upstream-id" />
      </dl>
      {foundBy ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="found-by-upstream">
          {foundBy === task.upstream_task_id ? 'Found by the upstream id' : 'Found by searching for'}{' '}
          <code className="font-mono break-all">{foundBy}</code>; this page now uses our id.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={onRefresh} disabled={refreshing} aria-label="Refresh this task">
          {refreshing ? <Spinner /> : <Icon name="rerun" />} Refresh
        </Button>
        <Link
          to={rerunPath(task.task_id)}
          className={buttonClasses('secondary', 'sm')}
          title="Fill the creator's form with this task's image, prompt and options"
        >
          <Icon name="sparkle" /> Reuse settings
        </Link>
        <CopyCurlButton task={task} />
        <CancelTaskButton task={task} />
        <span className="text-xs text-slate-600 tabular-nums dark:text-slate-400">
          Updated {formatTime(new Date(updatedAt).toISOString())}
        </span>
      </div>
    </header>
  );
}
