/**
 * What a failed engine call means for its task: try again later, end it with a reason, or —
 * when the engine may have made (and billed) a video we cannot have — end it for a person to
 * check. Never resends a submit that may have reached an engine that does not know a repeat.
 */
import { EngineError } from '@/server/engine/engine';
import type { TaskPatch, TaskRecord } from '@/server/store/tasks-store';
import { resultUnreadableMessage, submitUnknownMessage } from './attention-messages';
import { failureBackoffMs } from './backoff';
import { asSentence, engineAsSubject } from './engine-words';
import type { TaskEndings } from './task-endings';
import { taskEvent, type TrackingContext } from './tracking-context';

/*
 * Poll answers that will not change by asking again (a 404, garbage, an unknown status word) in
 * a row before the task is given up. A submit refused outright (a 4xx) ends at once.
 */
const MAX_REJECTIONS_IN_A_ROW = 3;
/* Looks again at a task the engine calls done without a readable result, spread over its resultGraceMs. */
const RESULT_RECHECKS = 4;

export class FailedCalls {
  constructor(
    private readonly context: TrackingContext,
    private readonly endings: TaskEndings,
  ) {}

  async handle(task: TaskRecord, operation: 'submit' | 'poll', error: unknown, pastDeadline: boolean): Promise<void> {
    const { exchanges, log } = this.context;
    const failure = error instanceof EngineError ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    await exchanges.record(task.id, operation, {
      httpStatus: failure?.httpStatus,
      body: failure?.raw,
      error: message,
    });
    log.warn(`engine ${operation} failed`, {
      task: task.id,
      failures: task.failures + 1,
      code: failure?.code ?? 'internal',
    });
    if (failure?.engineSaysDone) return this.doneButUnreadable(task, message, pastDeadline);
    if (operation === 'submit') return this.submitFailed(task, failure, message);
    if (failure && !failure.transient && task.failures + 1 >= MAX_REJECTIONS_IN_A_ROW) {
      return this.endings.fail(task, failure.taskCode, `${asSentence(message)} No credits were charged.`, 'engine');
    }
    await this.tryAgainLater(task, failure);
  }

  /*
   * A refusal ends the task, uncharged. A submit that may have reached an engine which does not
   * recognise a repeat is never sent again: the task ends for a person to check. Only a submit
   * that provably did nothing (or any submit to an idempotent engine) is tried again.
   */
  private async submitFailed(task: TaskRecord, failure: EngineError | null, message: string): Promise<void> {
    const { engine } = this.context;
    if (failure?.mayHaveStarted && !engine.submitsAreIdempotent) {
      return this.endings.fail(task, 'submit_unknown', submitUnknownMessage(engine, message), 'engine');
    }
    if (failure && !failure.transient && !failure.mayHaveStarted) {
      return this.endings.fail(task, failure.taskCode, `${asSentence(message)} No credits were charged.`, 'engine');
    }
    // Nothing reached the engine: the next start must not take this submit for one in flight.
    const nothingSent = failure !== null && !failure.mayHaveStarted;
    await this.tryAgainLater(task, failure, nothingSent ? { submitStartedAt: null } : {});
  }

  /*
   * The engine says done, but gave no result we can read (no link, only a file id). It may have
   * billed the video, so this is never "failed, not charged": the task is asked again a few times
   * over the engine's grace period (a relay may add the link late), then ends for a person.
   */
  private async doneButUnreadable(task: TaskRecord, message: string, pastDeadline: boolean): Promise<void> {
    const { store, engine } = this.context;
    const looks = task.failures + 1;
    const everyMs = engine.resultGraceMs / RESULT_RECHECKS;
    if (pastDeadline || everyMs <= 0 || looks > RESULT_RECHECKS) {
      const lookedFor = pastDeadline ? 0 : engine.resultGraceMs;
      return this.endings.fail(
        task,
        'result_unreadable',
        resultUnreadableMessage(engine, message, lookedFor),
        'engine',
      );
    }
    const note = `${engineAsSubject(engine)} says the video is done, but gave no link this server can read yet; asking again in ${Math.max(1, Math.round(everyMs / 1000))} s, as a link may come late.`;
    await store.tasks.update(
      task.id,
      { failures: looks, attempts: task.attempts + 1, nextPollAt: Date.now() + everyMs },
      taskEvent(task.status, task.progress, 'engine', note),
    );
  }

  private async tryAgainLater(task: TaskRecord, failure: EngineError | null, patch: TaskPatch = {}): Promise<void> {
    const failures = task.failures + 1;
    await this.context.store.tasks.update(task.id, {
      ...patch,
      failures,
      attempts: task.attempts + 1,
      nextPollAt: Date.now() + failureBackoffMs(failures, failure?.retryAfterMs ?? null),
    });
  }
}
