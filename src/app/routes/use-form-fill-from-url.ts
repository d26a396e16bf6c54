import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'wouter';
import { useToast } from '@/components/toast/toast-context';
import { taskQueryOptions } from '@/lib/task-polling/get-task';
import type { Task } from '@/shared/contract';

export const RERUN_PARAM = 'rerun';

/**
 * `/?rerun=<taskId>` (the inspector's Re-run link): loads that task through the shared task
 * query and hands it to `onRerun` once, then drops the parameter so a reload or the back
 * button does not overwrite what the person has typed since.
 */
export function useRerunFromUrl(onRerun: (task: Task) => void): void {
  const [params, setParams] = useSearchParams();
  const taskId = params.get(RERUN_PARAM)?.trim() || null;
  const query = useQuery({ ...taskQueryOptions(taskId ?? ''), enabled: taskId !== null });
  const toast = useToast();
  const handled = useRef<string | null>(null);
  const handler = useRef(onRerun);
  useEffect(() => {
    handler.current = onRerun;
  }, [onRerun]);

  const task = taskId ? query.data : undefined;
  const error = taskId ? query.error : null;

  useEffect(() => {
    if (!taskId || handled.current === taskId || (!task && !error)) return;
    handled.current = taskId;
    if (task) handler.current(task);
    else
      toast({
        kind: 'error',
        title: 'That video could not be re-run',
        description: `${error?.message ?? 'The task was not found.'} Fill in the form yourself, or open the task from the list.`,
      });
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(RERUN_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [taskId, task, error, setParams, toast]);
}
