/**
 * `GET /api/v1/tasks`: tasks newest first, one page per cursor. The gallery and the support
 * list page through it; the gallery's watch asks it about the unfinished cards by `?ids=`.
 */
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch, toSearch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { rememberTasks } from '@/lib/task-polling/remember-tasks';
import { taskListSchema, type TaskList, type TaskListQueryInput } from '@/shared/contract';

export type TaskListFilters = Omit<TaskListQueryInput, 'cursor'>;

export function getTasks(query: TaskListQueryInput, signal?: AbortSignal): Promise<TaskList> {
  const { status, model, mode, q, from, to, batch_id, attention, ids, hidden, cursor, limit } = query;
  const search = toSearch({
    status,
    model,
    mode,
    q,
    from,
    to,
    batch_id,
    attention,
    ids,
    hidden,
    cursor,
    limit: limit as number | undefined,
  });
  return apiFetch(`/api/v1/tasks${search}`, {
    schema: taskListSchema,
    signal,
  });
}

export function taskListQueryOptions(filters: TaskListFilters) {
  return infiniteQueryOptions({
    queryKey: queryKeys.taskList(filters),
    queryFn: async ({ pageParam, signal, client }) => {
      const page = await getTasks({ ...filters, cursor: pageParam }, signal);
      // Each card (and the inspector a row opens) reads its task's own cache entry; the list
      // only decides which tasks are shown.
      rememberTasks(client, page.items);
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useTaskList(filters: TaskListFilters) {
  return useInfiniteQuery(taskListQueryOptions(filters));
}
