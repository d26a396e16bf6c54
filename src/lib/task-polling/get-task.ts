/**
 * `GET /api/v1/tasks/{id}`: one task, polled until it reaches a final status. Its cache entry
 * (queryKeys.task) is the one copy of the task that the gallery's cards, a batch's header and
 * the support inspector all read — the reason it lives in lib and not in one feature.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { isNotFound } from '@/lib/api/is-not-found';
import { queryKeys } from '@/lib/query-keys';
import { taskSchema, type Task } from '@/shared/contract';
import { isDocumentHidden, taskPollInterval } from './poll-interval';
import { usePageHidden } from './use-page-hidden';

export function getTask(taskId: string, signal?: AbortSignal): Promise<Task> {
  return apiFetch(`/api/v1/tasks/${encodeURIComponent(taskId)}`, { schema: taskSchema, signal });
}

/** `hidden`: the tab's visibility when the options are made (usePageHidden, for a poller that re-renders on it). */
export function taskQueryOptions(taskId: string, hidden = isDocumentHidden()) {
  return queryOptions({
    queryKey: queryKeys.task(taskId),
    queryFn: ({ signal }) => getTask(taskId, signal),
    refetchInterval: (query) =>
      isNotFound(query.state.error) ? false : taskPollInterval(query.state.data?.status, hidden),
    refetchIntervalInBackground: true,
    retry: (failures, error) => !isNotFound(error) && failures < 2,
  });
}

/** Polls one task until it reaches a final status (the inspector). */
export function useTask(taskId: string) {
  return useQuery(taskQueryOptions(taskId, usePageHidden()));
}
