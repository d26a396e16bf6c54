/**
 * `POST /api/v1/tasks/{id}/hide` and `…/unhide`: a finished video leaves the gallery with an
 * Undo in the toast that says so. Hidden on the server, not deleted: the books, the history and
 * the file stay, and the undo works as long as the toast is there (and later, by the API).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useToast } from '@/components/toast/toast-context';
import { apiFetch } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { taskHiddenSchema, type Task, type TaskHidden } from '@/shared/contract';

export function setTaskHidden(taskId: string, hidden: boolean): Promise<TaskHidden> {
  return apiFetch(`/api/v1/tasks/${encodeURIComponent(taskId)}/${hidden ? 'hide' : 'unhide'}`, {
    method: 'POST',
    schema: taskHiddenSchema,
  });
}

export function useHideTask() {
  const client = useQueryClient();
  const toast = useToast();
  const refreshLists = () => client.invalidateQueries({ queryKey: queryKeys.tasks() });
  const unhide = useMutation({
    mutationFn: (task: Task) => setTaskHidden(task.task_id, false),
    onSuccess: refreshLists,
    onError: (error) => toast({ kind: 'error', title: 'Could not bring it back', description: error.message }),
  });
  return useMutation({
    mutationFn: (task: Task) => setTaskHidden(task.task_id, true),
    onSuccess: (_answer, task) => {
      void refreshLists();
      toast({
        kind: 'info',
        title: 'Video hidden',
        description: `“${(task.image_name ?? task.prompt).slice(0, 60)}” is out of your gallery. Its charge and file are kept.`,
        action: { label: 'Undo', onClick: () => unhide.mutate(task) },
      });
    },
    onError: (error) => toast({ kind: 'error', title: 'Could not hide it', description: error.message }),
  });
}
