/**
 * Canceling a task: it ends `canceled`, uncharged, in the one transaction every ending uses
 * (TasksStore.finish: status, event with the reason, callback outbox), written without a lease
 * so it wins over a tracker step in progress — whose later writes then find the task final and
 * change nothing, and which no tracker claims again (only unfinished tasks are claimable). The
 * local engine's render is stopped at once; API in One has no cancel at all, so once it has the
 * task the answer says so plainly.
 */
import { isFinalStatus } from '@/shared/status';
import { HttpError } from '@/server/http/http-error';
import type { Services } from '@/server/services';
import type { TaskRecord } from '@/server/store/tasks-store';
import { engineTask } from '@/server/tracker/tracking-context';

export interface CancelResult {
  task: TaskRecord;
  engineMayContinue: boolean;
  message: string;
}

/*
 * API in One documents no way to cancel a task: once a submit may have reached it, the video may
 * still be made there, and billed on the API in One account, whatever we do.
 */
function engineHasIt(task: TaskRecord): boolean {
  return task.engine === 'apiinone' && (task.upstreamTaskId !== null || task.submitStartedAt !== null);
}

export function cancelMessage(task: TaskRecord): string {
  if (engineHasIt(task)) {
    return (
      'Canceled here: this dashboard stopped following the task and will not charge it. ' +
      'API in One had already taken it and offers no way to cancel, so it may still make the video ' +
      'and bill it on the API in One account.'
    );
  }
  if (task.engine === 'apiinone') return 'Canceled before it was sent to API in One: nothing is made or charged.';
  return 'Canceled: the preview render was stopped and nothing is charged.';
}

function answer(task: TaskRecord): CancelResult {
  return { task, engineMayContinue: engineHasIt(task), message: cancelMessage(task) };
}

function finishedRefusal(task: TaskRecord): HttpError {
  return new HttpError(
    409,
    'task_finished',
    `This task already ended ${task.status}; only a queued or running task can be canceled.`,
    { status: task.status },
  );
}

export async function cancelTask(
  { store, engine, callbacks }: Pick<Services, 'store' | 'engine' | 'callbacks'>,
  task: TaskRecord,
  reason: string | undefined,
): Promise<CancelResult> {
  // Asked again (a double click, a retried request): the same answer, nothing written twice.
  if (task.status === 'canceled') return answer(task);
  if (isFinalStatus(task.status)) throw finishedRefusal(task);
  const at = Date.now();
  const message = cancelMessage(task);
  const said = reason ? `Canceled by request: “${reason}”.` : 'Canceled by request.';
  const ended = await store.tasks.finish(
    task.id,
    { status: 'canceled', error: { code: 'canceled', message } },
    { at, status: 'canceled', progress: task.progress, source: 'api', message: `${said} ${message}` },
    at,
  );
  const now = (await store.tasks.get(task.id)) ?? task;
  // It ended some other way between our read and our write (a tracker step finished it first).
  if (!ended && now.status !== 'canceled') throw finishedRefusal(now);
  if (ended) {
    engine.release(engineTask(task));
    callbacks.wake();
  }
  return answer(now);
}
