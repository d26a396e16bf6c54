import { Button } from '@/components/button';
import { Icon } from '@/components/icons';
import { PageHeading } from '@/components/page-heading';
import { Spinner } from '@/components/spinner';
import { useNow } from '@/lib/use-now';
import { COUNT_CAP } from '@/shared/contract';
import { TASK_STATUSES, type TaskStatus } from '@/shared/status';
import { SUPPORT_PAGE_SIZE, useSupportTasks } from '@/features/tasks/api/get-support-tasks';
import { useListFilters } from '@/features/tasks/hooks/use-list-filters';
import { EMPTY_FILTERS, hasFilters, toListQuery } from '@/features/tasks/lib/list-filters';
import { AttentionChip } from './attention-chip';
import { StatusChips } from './status-chips';
import { TaskCards } from './task-cards';
import { TaskListFilters } from './task-list-filters';
import { TaskListEmpty, TaskListError, TaskListLoading, TaskListNoMatch } from './task-list-states';
import { TaskTable } from './task-table';

/** `/tasks`: every task, filtered from the address, newest first, a page at a time. */
export function TaskListPage() {
  const [filters, setFilters] = useListFilters();
  const list = useSupportTasks(toListQuery(filters, SUPPORT_PAGE_SIZE));
  const now = useNow(30_000);
  const tasks = list.data?.pages.flatMap((page) => page.items) ?? [];
  const first = list.data?.pages[0];
  // Counts that stopped at the server's cap (a search matching more) would mislead per status.
  const counts = first?.counts_capped ? undefined : first?.counts;
  const counted: readonly TaskStatus[] = filters.status.length ? filters.status : TASK_STATUSES;
  const matching = first?.counts_capped
    ? `${COUNT_CAP.toLocaleString('en')}+`
    : counts
      ? counted.reduce((sum, status) => sum + (counts[status] ?? 0), 0).toLocaleString('en')
      : undefined;

  function results() {
    if (list.isPending) return <TaskListLoading />;
    if (list.isError && !tasks.length)
      return <TaskListError message={list.error.message} onRetry={() => void list.refetch()} />;
    if (!tasks.length)
      return hasFilters(filters) ? <TaskListNoMatch onClear={() => setFilters(EMPTY_FILTERS)} /> : <TaskListEmpty />;
    return (
      <>
        <TaskTable tasks={tasks} now={now} />
        <TaskCards tasks={tasks} now={now} />
        {list.hasNextPage ? (
          <Button className="self-center" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? (
              <>
                <Spinner /> Loading more…
              </>
            ) : (
              'Load more'
            )}
          </Button>
        ) : (
          <p className="self-center text-sm text-slate-600 dark:text-slate-400">That is all of them.</p>
        )}
      </>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <PageHeading
        title="Tasks"
        description="Every video request, newest first. Open one to see its timeline, charges and upstream answers."
      >
        <Button size="sm" onClick={() => void list.refetch()} disabled={list.isFetching} aria-label="Refresh the list">
          {list.isFetching ? <Spinner /> : <Icon name="rerun" />} Refresh
        </Button>
      </PageHeading>
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1.5">
        <StatusChips
          selected={filters.status}
          counts={counts}
          onChange={(status) => setFilters({ ...filters, status })}
        />
        <AttentionChip
          pressed={filters.attention}
          count={first?.counts_capped ? undefined : first?.needs_attention}
          onChange={(attention) => setFilters({ ...filters, attention })}
        />
      </div>
      <TaskListFilters filters={filters} onChange={setFilters} />
      <p role="status" className="text-sm text-slate-700 dark:text-slate-300" data-testid="list-summary">
        {list.isPending
          ? 'Loading tasks…'
          : matching !== undefined
            ? `Showing ${tasks.length} of ${matching} tasks`
            : ''}
      </p>
      <div className="flex flex-col gap-3">{results()}</div>
    </div>
  );
}
