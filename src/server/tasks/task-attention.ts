/**
 * What support reads on a task that needs a person: the engine may have made and billed a
 * video this server does not have. Derived from the error code the task ended with, so it
 * needs nothing stored of its own and the list can filter on it.
 */
import type { TaskAttention } from '@/shared/contract';
import { isAttentionCode } from '@/shared/errors';
import type { TaskRecord } from '@/server/store/tasks-store';
import { describeEngine, engineAsSubject } from '@/server/tracker/engine-words';

export function attentionOf(
  task: Pick<TaskRecord, 'engine' | 'error' | 'upstreamTaskId' | 'createdAt'>,
): TaskAttention | null {
  const reason = task.error?.code;
  if (!isAttentionCode(reason)) return null;
  const engine = describeEngine({ name: task.engine });
  const noCharge = 'This server charged nothing for it.';
  if (reason === 'result_unreadable') {
    const which = task.upstreamTaskId ? `upstream task ${task.upstreamTaskId}` : 'this task';
    return {
      reason,
      message: `${engineAsSubject({ name: task.engine })} reports this video as done and may have billed it, but gave no result this server can read. Look up ${which} in the ${engine} console; the raw answers are kept in this task's upstream exchanges. ${noCharge}`,
    };
  }
  const sent = new Date(task.createdAt).toISOString().replace('T', ' ').slice(0, 16);
  return {
    reason,
    message: `The request may have reached ${engine}, which may have made and billed this video, but its answer never came, so this server has no upstream task id and did not send the request again. Look in the ${engine} console for a Hailuo task made soon after ${sent} UTC with this prompt. ${noCharge}`,
  };
}
