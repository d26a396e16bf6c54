/**
 * `GET /api/v1/tasks/{id}`: one task. Shared by the gallery's cards and the support inspector
 * so both read the same cache entry (queryKeys.task) — the reason it lives in lib and not in
 * one feature.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { taskSchema, type Task } from '@/shared/contract';
import { ApiError, apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { isDocumentHidden, taskPollInterval } from './poll-interval';

export function getTask(taskId: string, signal?: AbortSignal): Promise<Task> {
  return apiFetch(`/api/v1/tasks/${encodeURIComponent(taskId)}`, { schema: taskSchema, signal });
}

export function taskQueryOptions(taskId: string) {
  return queryOptions({
    queryKey: queryKeys.task(taskId),
    queryFn: ({ signal }) => getTask(taskId, signal),
    refetchInterval: (query) =>
      query.state.error instanceof ApiError && query.state.error.status === 404
        ? false
        : taskPollInterval(query.state.data?.status, isDocumentHidden()),
    refetchIntervalInBackground: true,
    retry: (failures, error) => !(error instanceof ApiError && error.status === 404) && failures < 2,
  });
}

/** Polls one task until it reaches a final status. */
export function useTask(taskId: string) {
  return useQuery(taskQueryOptions(taskId));
}
