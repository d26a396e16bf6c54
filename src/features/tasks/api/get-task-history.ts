/** `GET /api/v1/tasks/{id}/history`: the task's story for support (events, upstream exchanges, ledger). */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { isNotFound } from '@/lib/api/is-not-found';
import { isDocumentHidden, taskPollInterval } from '@/lib/task-polling/poll-interval';
import { usePageHidden } from '@/lib/task-polling/use-page-hidden';
import { taskHistorySchema, type TaskHistory } from '@/shared/contract';

export function getTaskHistory(taskId: string, signal?: AbortSignal): Promise<TaskHistory> {
  return apiFetch(`/api/v1/tasks/${encodeURIComponent(taskId)}/history`, { schema: taskHistorySchema, signal });
}

/** The status the history last recorded; it is final once the task's last event is. */
export function lastRecordedStatus(history: TaskHistory | undefined) {
  return history?.events.at(-1)?.status;
}

export function taskHistoryQueryOptions(taskId: string, hidden = isDocumentHidden()) {
  return queryOptions({
    queryKey: queryKeys.taskHistory(taskId),
    queryFn: ({ signal }) => getTaskHistory(taskId, signal),
    // Same rhythm as the task itself, and silent once the story has its last chapter.
    refetchInterval: (query) =>
      isNotFound(query.state.error) ? false : taskPollInterval(lastRecordedStatus(query.state.data), hidden),
    retry: (failures, error) => !isNotFound(error) && failures < 2,
  });
}

export function useTaskHistory(taskId: string) {
  return useQuery(taskHistoryQueryOptions(taskId, usePageHidden()));
}
