import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useToast } from '../../../components/toast/toast-context';
import { queryKeys } from '../../../lib/query-keys';
import type { Task } from '../../../shared/contract';

function shortPrompt(prompt: string): string {
  return prompt.length > 80 ? `${prompt.slice(0, 77)}…` : prompt;
}

/**
 * When a watched task ends: say so (a toast is also what screen readers hear, once per task,
 * not on every progress tick), and refresh what the end changed — the balance and the lists.
 */
export function useFinishNotices(): (tasks: Task[]) => void {
  const toast = useToast();
  const client = useQueryClient();
  return useCallback(
    (tasks: Task[]) => {
      for (const task of tasks) {
        if (task.status === 'succeeded')
          toast({ kind: 'success', title: 'Your video is ready', description: shortPrompt(task.prompt) });
        else
          toast({
            kind: 'error',
            title: task.status === 'canceled' ? 'A video was canceled' : 'A video could not be made',
            description: `${task.error?.message ?? shortPrompt(task.prompt)} Nothing was charged.`,
          });
      }
      void client.invalidateQueries({ queryKey: queryKeys.credits() });
      void client.invalidateQueries({ queryKey: [...queryKeys.tasks(), 'list'] });
    },
    [client, toast],
  );
}
