/** `GET /api/v1/tasks` for the support list: any filter, newest first, one page per cursor. */
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, toSearch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { rememberTasks } from '@/lib/task-polling/remember-tasks';
import { taskListSchema, type TaskList, type TaskListQueryInput } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';

export type SupportListQuery = Omit<TaskListQueryInput, 'cursor' | 'ids' | 'batch_id'>;

/** Support reads many rows at a time; the server caps a page at TASK_LIST_MAX_LIMIT. */
export const SUPPORT_PAGE_SIZE = 50;
const LIVE_PAGE_REFRESH_MS = 5000;

export function getSupportTasks(
  query: SupportListQuery & { cursor?: string },
  signal?: AbortSignal,
): Promise<TaskList> {
  const { status, model, mode, q, from, to, cursor, limit } = query;
  return apiFetch(`/api/v1/tasks${toSearch({ status, model, mode, q, from, to, cursor, limit: limit as number })}`, {
    schema: taskListSchema,
    signal,
  });
}

export function supportTasksQueryOptions(query: SupportListQuery) {
  return infiniteQueryOptions({
    queryKey: queryKeys.taskList(query),
    queryFn: async ({ pageParam, signal, client }) => {
      const page = await getSupportTasks({ ...query, cursor: pageParam }, signal);
      // Opening a row in the inspector then starts from what the list already knows.
      rememberTasks(client, page.items);
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
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
