/**
 * What support reads on a task that needs a person: the engine may have made and billed a
 * video this server does not have. Derived from the error code the task ended with, so it
 * needs nothing stored of its own and the list can filter on it.
 */
import type { TaskAttention } from '@/shared/contract';
import { isAttentionCode } from '@/shared/errors';
import type { TaskRecord } from '@/server/store/tasks-store';
import { describeEngine } from '@/server/tracker/engine-words';

export function attentionOf(
  task: Pick<TaskRecord, 'engine' | 'error' | 'upstreamTaskId' | 'submitStartedAt' | 'createdAt'>,
): TaskAttention | null {
  const reason = task.error?.code;
  if (!isAttentionCode(reason)) return null;
  const engine = describeEngine({ name: task.engine });
  const raw = "The raw answers are kept in this task's upstream exchanges.";
  if (reason === 'result_unreadable') {
    const which = task.upstreamTaskId ? `upstream task ${task.upstreamTaskId}` : 'this task';
    return {
      reason,
      message: `Look up ${which} in the ${engine} console: if it was billed, the video should be there. ${raw}`,
    };
  }
  // When the last submit was sent (set just before it), to the minute: how support finds it in the console.
  const sent = new Date(task.submitStartedAt ?? task.createdAt).toISOString().replace('T', ' ').slice(0, 16);
  return {
    reason,
    message: `Look in the ${engine} console for a Hailuo task made soon after ${sent} UTC with this prompt: this server never learned its upstream task id. ${raw}`,
  };
}
