import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'wouter';
import { useToast } from '@/components/toast/toast-context';
import type { GenerateFormFill } from '@/features/generate/components/generate-form';
import { RERUN_PARAM, SAMPLE_PARAM } from '@/lib/creator-form-links';
import { taskQueryOptions } from '@/lib/task-polling/get-task';
import { withFormKind } from './use-form-kind';

/**
 * The one answer to `/?rerun=<taskId>` and `/?sample=1` (lib/creator-form-links.ts), from a card,
 * the first-run offer or the inspector: loads the task through the shared task query, returns
 * what the one-video form should fill itself with (a new object per request), and drops the
 * parameter so a reload or the back button does not overwrite what the person has typed since.
 */
export function useFormFillFromUrl(): GenerateFormFill | null {
  const [params, setParams] = useSearchParams();
  const taskId = params.get(RERUN_PARAM)?.trim() || null;
  const request = taskId ? `${RERUN_PARAM}=${taskId}` : params.has(SAMPLE_PARAM) ? SAMPLE_PARAM : null;
  // A task's inputs never change, so the copy a card has already put in the cache will do.
  const query = useQuery({ ...taskQueryOptions(taskId ?? ''), enabled: taskId !== null, staleTime: Infinity });
  const toast = useToast();
  const [fill, setFill] = useState<GenerateFormFill | null>(null);
  const handled = useRef<string | null>(null);

  const task = taskId ? query.data : undefined;
  const error = taskId ? query.error : null;

  useEffect(() => {
    if (!request) {
      // Asked and answered: the same request may come again (Re-run on the same card twice).
      handled.current = null;
      return;
    }
    if (handled.current === request || (taskId && !task && !error)) return;
    handled.current = request;
    const filling = !taskId || task !== undefined;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(RERUN_PARAM);
        next.delete(SAMPLE_PARAM);
        // A re-run or the sample always goes to the one-video form.
        return filling ? withFormKind(next, 'single') : next;
      },
      { replace: true },
    );
    if (task) {
      const { mode, prompt, image, duration, resolution } = task;
      setFill({ kind: 'rerun', values: { mode, prompt, image, duration, resolution } });
    } else if (filling) setFill({ kind: 'sample' });
    else
      toast({
        kind: 'error',
        title: 'That video could not be re-run',
        description: `${error?.message ?? 'The task was not found.'} Fill in the form yourself, or open the task from the list.`,
      });
  }, [request, taskId, task, error, setParams, toast]);

  return fill;
}
