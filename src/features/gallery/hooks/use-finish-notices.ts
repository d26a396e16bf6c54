import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useToast } from '@/components/toast/toast-context';
import { noticeInBackground } from '@/lib/background-notice';
import { queryKeys } from '@/lib/query-keys';
import type { Task } from '@/shared/contract';
import { failureText } from '@/features/gallery/lib/failure-text';
import { shortPrompt } from '@/features/gallery/lib/short-prompt';

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
        const ok = task.status === 'succeeded';
        const title = ok
          ? 'Your video is ready'
          : task.status === 'canceled'
            ? 'A video was canceled'
            : 'A video could not be made';
        const description = ok ? shortPrompt(task.prompt) : failureText(task);
        toast({ kind: ok ? 'success' : 'error', title, description });
        noticeInBackground(title, description);
      }
      void client.invalidateQueries({ queryKey: queryKeys.credits() });
      void client.invalidateQueries({ queryKey: [...queryKeys.tasks(), 'list'] });
    },
    [client, toast],
  );
}
