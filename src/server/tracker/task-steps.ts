/**
 * One step of one task: submit it if the engine does not have it yet, else poll it, and write
 * what was learned. A step is one engine call; the tracker decides when the next one is due.
 */
import { isFinalStatus, type TaskStatus } from '@/shared/status';
import type { EngineState, EngineTask } from '@/server/engine/engine';
import type { TaskRecord } from '@/server/store/tasks-store';
import { submitUnknownMessage } from './attention-messages';
import { describeEngine, taskErrorOf } from './engine-words';
import { FailedCalls } from './failed-calls';
import { TaskEndings } from './task-endings';
import { engineTask, taskEvent, type TrackingContext } from './tracking-context';

const STEP_TIMEOUT_MS = 5 * 60_000;

const STATUS_RANK: Record<TaskStatus, number> = { queued: 0, running: 1, succeeded: 2, failed: 2, canceled: 2 };

export class TaskSteps {
  private readonly endings: TaskEndings;
  private readonly failedCalls: FailedCalls;

  constructor(private readonly context: TrackingContext) {
    this.endings = new TaskEndings(context);
    this.failedCalls = new FailedCalls(context, this.endings);
  }

  async run(task: TaskRecord): Promise<void> {
    const { engine } = this.context;
    // A submit was under way when the last process stopped: the engine may have the job, so it is not resent.
    if (!task.upstreamTaskId && task.submitStartedAt !== null && !engine.submitsAreIdempotent) {
      return this.endings.fail(task, 'submit_unknown', submitUnknownMessage(engine, null), 'tracker');
    }
    const pastDeadline = Date.now() - task.createdAt > this.context.deadlineMs;
    if (pastDeadline && !task.upstreamTaskId) return this.endings.expire(task);
    const signal = AbortSignal.any([this.context.stopping, AbortSignal.timeout(STEP_TIMEOUT_MS)]);
    const operation = task.upstreamTaskId ? 'poll' : 'submit';
    try {
      if (task.upstreamTaskId && pastDeadline) await this.lastLook(task, task.upstreamTaskId, signal);
      else if (task.upstreamTaskId) await this.poll(task, task.upstreamTaskId, signal);
      else await this.submit(task, signal);
    } catch (error) {
      // On shutdown the lease is handed back so the next start polls at once.
      if (this.context.stopping.aborted) {
        await this.context.store.tasks.update(task.id, { nextPollAt: Date.now() });
        return;
      }
      await this.failedCalls.handle(task, operation, error, pastDeadline);
      if (pastDeadline) await this.endings.expire(task);
    }
  }

  /*
   * Past the deadline, the engine may still have finished a (paid) video just before it: one last
   * poll, and only a final answer is taken; anything else and the task ends as expired.
   */
  private async lastLook(task: TaskRecord, upstreamTaskId: string, signal: AbortSignal): Promise<void> {
    const state = await this.context.engine.poll({ ...engineTask(task), upstreamTaskId }, { signal });
    if (isFinalStatus(state.status)) return this.apply({ ...task, attempts: task.attempts + 1 }, state, signal, true);
    await this.endings.expire(task);
  }

  private async submit(task: TaskRecord, signal: AbortSignal): Promise<void> {
    const { store, engine, exchanges } = this.context;
    const sent = await this.prepareImage(task, signal);
    const attempts = task.attempts + 1;
    // Written before the call: after a crash, the next step knows the engine may have the job already.
    // Refused when the task was canceled (or taken over) since it was claimed: then it is never sent.
    const stillOurs = await store.tasks.update(task.id, {
      submitStartedAt: task.submitStartedAt ?? Date.now(),
      attempts,
    });
    if (!stillOurs) return;
    // The task id goes as Idempotency-Key, for an engine that honours it (engine.submitsAreIdempotent says which do).
    const state = await engine.submit(sent, { idempotencyKey: task.id, signal });
    await exchanges.record(task.id, 'submit', { httpStatus: state.httpStatus, body: state.raw });
    const submittedAt = Date.now();
    const upstreamTaskId = state.upstreamTaskId;
    const kept = await store.tasks.update(
      task.id,
      { upstreamTaskId, submittedAt, failures: 0, nextPollAt: submittedAt + engine.pollDelayMs(0) },
      taskEvent(
        task.status,
        task.progress,
        'engine',
        `Sent to ${describeEngine(engine)}; its task id is ${upstreamTaskId}.`,
      ),
    );
    // Canceled while the submit was in flight: the job is let go (the exchange above keeps its id for support).
    if (!kept) return engine.release(engineTask(task));
    await this.apply({ ...task, attempts, upstreamTaskId, submittedAt }, state, signal, false);
  }

  /* The task as the engine gets it: with the image it can fetch, which the timeline records. */
  private async prepareImage(task: TaskRecord, signal: AbortSignal): Promise<EngineTask> {
    const { store, engine } = this.context;
    const sent = engineTask(task);
    if (!engine.prepareImage) return sent;
    const prepared = await engine.prepareImage(sent, { signal });
    await store.tasks.update(task.id, {}, taskEvent(task.status, task.progress, 'tracker', prepared.description));
    return { ...sent, image: prepared.url };
  }

  private async poll(task: TaskRecord, upstreamTaskId: string, signal: AbortSignal): Promise<void> {
    const state = await this.context.engine.poll({ ...engineTask(task), upstreamTaskId }, { signal });
    await this.apply({ ...task, attempts: task.attempts + 1 }, state, signal, true);
  }

  private async apply(task: TaskRecord, state: EngineState, signal: AbortSignal, polled: boolean): Promise<void> {
    const { store, engine, exchanges } = this.context;
    const recordPoll = () => exchanges.record(task.id, 'poll', { httpStatus: state.httpStatus, body: state.raw });
    if (state.status === 'succeeded') {
      if (polled) await recordPoll();
      return this.endings.complete(task, state, signal);
    }
    if (state.status === 'failed' || state.status === 'canceled') {
      if (polled) await recordPoll();
      const error = taskErrorOf(state, engine);
      return this.endings.end(
        task,
        { status: state.status, error },
        taskEvent(state.status, task.progress, 'engine', error.message),
      );
    }
    // An upstream that says "queued" after "running" (out of order) does not move a task back.
    const status = STATUS_RANK[state.status] >= STATUS_RANK[task.status] ? state.status : task.status;
    const progress = Math.max(task.progress, state.progress ?? task.progress);
    const changed = status !== task.status;
    if (changed && polled) await recordPoll();
    const written = await store.tasks.update(
      task.id,
      {
        status: status as 'queued' | 'running',
        progress,
        attempts: task.attempts,
        failures: 0,
        // Polls so far: every call but the submit. Right after the submit comes poll 0 (soon, for a fast failure).
        nextPollAt: Date.now() + engine.pollDelayMs(polled ? Math.max(0, task.attempts - 1) : 0),
      },
      changed ? taskEvent(status, progress, 'engine', status === 'running' ? 'Generating.' : null) : undefined,
    );
    // The task ended meanwhile (canceled) or is another server's now: what this engine holds for it goes.
    if (!written) engine.release(engineTask(task));
  }
}
