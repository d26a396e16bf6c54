import type { Task } from '@/shared/contract';

/* The server's failure messages often end by saying so already ("No credits were charged."). */
const SAYS_UNCHARGED = /\b(?:no credits were|nothing was|not) charged\b/i;

/**
 * What a creator reads about a task that failed or was canceled: the server's reason, and
 * that nothing was charged, said once however the reason was worded.
 */
export function failureText(task: Pick<Task, 'status' | 'error'>): string {
  const reason =
    task.error?.message ?? (task.status === 'canceled' ? 'The task was canceled.' : 'The generation failed.');
  return SAYS_UNCHARGED.test(reason) ? reason : `${reason.replace(/[^.!?]$/, '$&.')} Nothing was charged.`;
}
