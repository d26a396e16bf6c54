/** `GET /api/v1/tasks` for the support list: any filter, newest first, a page of many rows at a time. */
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { taskListQueryOptions } from '@/lib/api/get-tasks';
import type { TaskListQueryInput } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';

export type SupportListQuery = Omit<TaskListQueryInput, 'cursor' | 'ids' | 'batch_id'>;

/** Support reads many rows at a time; the server caps a page at TASK_LIST_MAX_LIMIT. */
export const SUPPORT_PAGE_SIZE = 50;
const LIVE_PAGE_REFRESH_MS = 5000;

export function supportTasksQueryOptions(query: SupportListQuery) {
  return infiniteQueryOptions({
    ...taskListQueryOptions(query),
    /*
     * Unfinished tasks on the first page keep the view (and its counts) current. Once more
     * pages are loaded a refetch would re-read all of them, so the Refresh button takes over.
     */
    refetchInterval: (current) => {
      const pages = current.state.data?.pages ?? [];
      const live = pages.length === 1 && pages[0]?.items.some((task) => !isFinalStatus(task.status));
      return live ? LIVE_PAGE_REFRESH_MS : false;
    },
  });
}

export function useSupportTasks(query: SupportListQuery) {
  return useInfiniteQuery(supportTasksQueryOptions(query));
}
