/**
 * `POST /api/v1/tasks/{id}/cancel`, for the gallery's cards and the inspector alike: the
 * answer's task goes into its cache entry at once, and its message (which says what a cancel
 * cannot stop once API in One has the task) is shown as it is.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/toast/toast-context';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { taskCanceledSchema, type Task, type TaskCanceled } from '@/shared/contract';

export function cancelTask(taskId: string): Promise<TaskCanceled> {
  return apiFetch(`/api/v1/tasks/${encodeURIComponent(taskId)}/cancel`, {
    method: 'POST',
    schema: taskCanceledSchema,
    body: { reason: 'Canceled from the dashboard.' },
  });
}

/** True when the real engine has (or may have) the task: a cancel cannot stop it there. */
export function engineMayContinue(task: Task): boolean {
  return task.engine === 'apiinone' && (task.upstream_task_id !== null || task.status === 'running');
}

export function useCancelTask() {
  const client = useQueryClient();
  const toast = useToast();
  return useMutation({
    mutationFn: (task: Task) => cancelTask(task.task_id),
    onSuccess: (answer) => {
      client.setQueryData(queryKeys.task(answer.task.task_id), answer.task);
      void client.invalidateQueries({ queryKey: queryKeys.tasks() });
      toast({
        kind: answer.engine_may_continue ? 'info' : 'success',
        title: answer.engine_may_continue ? 'Canceled here; API in One may still finish it' : 'Canceled',
        description: answer.message,
      });
    },
    onError: (error) => toast({ kind: 'error', title: 'Could not cancel', description: error.message }),
  });
}
