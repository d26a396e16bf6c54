/**
 * The one loop per server that drives every unfinished task to an end: submits it to the
 * engine, polls with backoff (one call per task per interval, however many browsers watch),
 * archives the result, charges once, and fails what cannot finish by the deadline. Browsers
 * only ever read the store. On start it picks up whatever a previous process left unfinished.
 */
import type { TaskStatus } from '../shared/status';
import type { Engine, EngineState, EngineTask } from './engine';
import type { Logger } from './logger';
import type { MediaStorage } from './media/media-storage';
import type { NewTaskEvent } from './store/history-store';
import type { Store } from './store/store';
import type { TaskRecord } from './store/tasks-store';
import { archiveResult } from './tracking/archive-result';
import { failureBackoffMs } from './tracking/backoff';
import { ExchangeLog } from './tracking/exchange-log';
import { describeEngine, taskErrorOf } from './tracking/engine-words';
import { isUpstreamError } from './upstream/upstream-error';
import { WakeableLoop } from './wakeable-loop';

export interface TrackerOptions {
  store: Store;
  engine: Engine;
  media: MediaStorage;
  log: Logger;
  /** Values never to store in raw upstream JSON (the API key). */
  secrets: readonly string[];
  /** A task still unfinished this long after it was created ends failed. */
  deadlineMs: number;
  /** Called when a task ends, so its callback goes out at once. */
  onTaskEnded?: (taskId: string) => void;
  maxConcurrentSteps?: number;
}

/* A claimed task is not claimed again for this long, unless its step ends first (the usual case). */
const STEP_LEASE_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;
/* Non-retryable answers to a poll (e.g. 404 from the upstream) in a row before the task is given up. */
const MAX_POLL_REJECTIONS = 3;
const MAX_ARCHIVE_FAILURES = 5;
const IDEMPOTENCY_KEEP_MS = 48 * 60 * 60_000;
const PURGE_EVERY_MS = 60 * 60_000;

const STATUS_RANK: Record<TaskStatus, number> = { queued: 0, running: 1, succeeded: 2, failed: 2, canceled: 2 };

export class Tracker {
  private readonly loop: WakeableLoop;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly hinted = new Set<string>();
  private readonly stopping = new AbortController();
  private readonly exchanges: ExchangeLog;
  private readonly maxSteps: number;
  private lastPurgeAt = 0;

  constructor(private readonly options: TrackerOptions) {
    this.exchanges = new ExchangeLog(options.store.history, options.secrets);
    this.maxSteps = options.maxConcurrentSteps ?? 8;
    this.loop = new WakeableLoop(
      () => this.pass(),
      (error) => options.log.error('tracker pass failed', { error: (error as Error).message }),
    );
  }

  async start(): Promise<void> {
    await this.recover();
    this.loop.start();
  }

  /** Looks for due work now (a new task, a webhook). */
  wake(): void {
    this.loop.wake();
  }

  /**
   * An upstream webhook said something about a task: only a hint to poll it now. Whatever the
   * webhook claims, the task's state comes from our own poll, so a forged, late or duplicated
   * callback cannot put a task in a wrong state.
   */
  async hint(upstreamTaskId: string, body: unknown): Promise<boolean> {
    const task = await this.options.store.tasks.getByUpstreamId(upstreamTaskId);
    if (!task) return false;
    await this.exchanges.record(task.id, 'webhook', { body });
    // A hint during a poll of that task is kept for when the poll ends (the answer may predate the news).
    if (this.inFlight.has(task.id)) this.hinted.add(task.id);
    else await this.options.store.tasks.update(task.id, { nextPollAt: Date.now() });
    this.wake();
    return true;
  }

  /** Stops claiming work, cancels calls in progress and waits for their writes to finish. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop.stop();
    await Promise.allSettled(this.inFlight.values());
  }

  private async recover(): Promise<void> {
    const { tasks } = this.options.store;
    const now = Date.now();
    for (const id of await tasks.unfinishedIds()) {
      const task = await tasks.get(id);
      if (!task) continue;
      const mayHaveReached = task.submitStartedAt !== null && task.upstreamTaskId === null;
      await tasks.update(
        id,
        { nextPollAt: now },
        {
          ...this.event(task.status, task.progress, 'recovery'),
          message: mayHaveReached
            ? 'Picked up after a restart. The submit may have reached the engine, so it is sent again with the same Idempotency-Key, which cannot start a second job.'
            : 'Picked up after a restart.',
        },
      );
    }
  }

  private async pass(): Promise<number | null> {
    const now = Date.now();
    await this.purgeIfDue(now);
    const free = this.maxSteps - this.inFlight.size;
    if (free > 0) {
      for (const task of await this.options.store.tasks.claimDue(now, free, now + STEP_LEASE_MS)) this.launch(task);
    }
    return this.options.store.tasks.nextDueAt();
  }

  private launch(task: TaskRecord): void {
    const run = this.step(task)
      .then(() => this.pollAgainIfHinted(task.id))
      .catch((error: unknown) =>
        this.options.log.error('tracker step failed', { task: task.id, error: (error as Error).message }),
      )
      .finally(() => {
        this.inFlight.delete(task.id);
        this.wake();
      });
    this.inFlight.set(task.id, run);
  }

  private async pollAgainIfHinted(taskId: string): Promise<void> {
    if (!this.hinted.delete(taskId) || this.stopping.signal.aborted) return;
    await this.options.store.tasks.update(taskId, { nextPollAt: Date.now() });
  }

  private async step(task: TaskRecord): Promise<void> {
    if (Date.now() - task.createdAt > this.options.deadlineMs) return this.expire(task);
    const signal = AbortSignal.any([this.stopping.signal, AbortSignal.timeout(STEP_TIMEOUT_MS)]);
    const operation = task.upstreamTaskId ? 'poll' : 'submit';
    try {
      if (task.upstreamTaskId) await this.poll(task, task.upstreamTaskId, signal);
      else await this.submit(task, signal);
    } catch (error) {
      // On shutdown the lease is handed back so the next start polls at once.
      if (this.stopping.signal.aborted) await this.options.store.tasks.update(task.id, { nextPollAt: Date.now() });
      else await this.callFailed(task, operation, error);
    }
  }

  private async submit(task: TaskRecord, signal: AbortSignal): Promise<void> {
    const { store, engine } = this.options;
    const attempts = task.attempts + 1;
    // Written before the call: after a crash, recovery knows the engine may have the job already.
    await store.tasks.update(task.id, { submitStartedAt: task.submitStartedAt ?? Date.now(), attempts });
    // The task id is the upstream Idempotency-Key: a re-sent submit finds the job the first one made.
    const state = await engine.submit(engineTask(task), { idempotencyKey: task.id, signal });
    await this.exchanges.record(task.id, 'submit', { httpStatus: state.httpStatus, body: state.raw });
    const submittedAt = Date.now();
    await store.tasks.update(
      task.id,
      {
        upstreamTaskId: state.upstreamTaskId,
        submittedAt,
        failures: 0,
        nextPollAt: submittedAt + engine.pollDelayMs(0),
      },
      {
        ...this.event(task.status, task.progress, 'engine'),
        message: `Sent to ${describeEngine(engine)}; its task id is ${state.upstreamTaskId}.`,
      },
    );
    await this.apply({ ...task, attempts, upstreamTaskId: state.upstreamTaskId, submittedAt }, state, signal, false);
  }

  private async poll(task: TaskRecord, upstreamTaskId: string, signal: AbortSignal): Promise<void> {
    const state = await this.options.engine.poll({ ...engineTask(task), upstreamTaskId }, { signal });
    await this.apply({ ...task, attempts: task.attempts + 1 }, state, signal, true);
  }

  private async apply(task: TaskRecord, state: EngineState, signal: AbortSignal, polled: boolean): Promise<void> {
    const { store, engine } = this.options;
    if (state.status === 'succeeded') {
      if (polled) await this.exchanges.record(task.id, 'poll', { httpStatus: state.httpStatus, body: state.raw });
      return this.complete(task, state, signal);
    }
    if (state.status === 'failed' || state.status === 'canceled') {
      if (polled) await this.exchanges.record(task.id, 'poll', { httpStatus: state.httpStatus, body: state.raw });
      const error = taskErrorOf(state, engine);
      return this.end(
        task,
        { status: state.status, error },
        { ...this.event(state.status, task.progress, 'engine'), message: error.message },
      );
    }
    // An upstream that says "queued" after "running" (out of order) does not move a task back.
    const status = STATUS_RANK[state.status] >= STATUS_RANK[task.status] ? state.status : task.status;
    const progress = Math.max(task.progress, state.progress ?? task.progress);
    const changed = status !== task.status;
    if (changed && polled)
      await this.exchanges.record(task.id, 'poll', { httpStatus: state.httpStatus, body: state.raw });
    await store.tasks.update(
      task.id,
      {
        status: status as 'queued' | 'running',
        progress,
        attempts: task.attempts,
        failures: 0,
        nextPollAt: Date.now() + engine.pollDelayMs(task.attempts),
      },
      changed
        ? { ...this.event(status, progress, 'engine'), message: status === 'running' ? 'Generating.' : null }
        : undefined,
    );
  }

  private async complete(task: TaskRecord, state: EngineState, signal: AbortSignal): Promise<void> {
    const { engine, media, store } = this.options;
    if (!state.videoUrl) {
      const message = `${describeEngine(engine)} said the video is ready but gave no link to it.`;
      return this.end(
        task,
        { status: 'failed', error: { code: 'upstream_unreadable', message } },
        { ...this.event('failed', task.progress, 'engine'), message },
      );
    }
    try {
      const report = await archiveResult(
        task.id,
        { videoUrl: state.videoUrl, posterUrl: state.posterUrl },
        engine,
        media,
        signal,
      );
      await this.exchanges.record(task.id, 'download', {
        body: {
          video_url: state.videoUrl,
          bytes: report.videoBytes,
          codec: report.codec,
          ...report.result,
          poster: report.posterSource,
          poster_error: report.posterError,
        },
      });
      const { width, height, durationS } = report.result;
      const credits = `${task.priceCredits}${engine.simulated ? ' simulated' : ''} credits charged`;
      await this.end(
        task,
        { status: 'succeeded', result: report.result },
        {
          ...this.event('succeeded', 100, 'tracker'),
          message: `Video saved: ${width}×${height}, ${durationS} s; ${credits}.`,
        },
      );
    } catch (error) {
      if (signal.aborted && this.stopping.signal.aborted) throw error;
      const failures = task.failures + 1;
      const message = `The finished video could not be saved: ${(error as Error).message}`;
      await this.exchanges.record(task.id, 'download', { error: message, body: { video_url: state.videoUrl } });
      if (failures >= MAX_ARCHIVE_FAILURES) {
        return this.end(
          task,
          { status: 'failed', error: { code: 'upstream_error', message } },
          { ...this.event('failed', task.progress, 'tracker'), message },
        );
      }
      await store.tasks.update(task.id, { failures, nextPollAt: Date.now() + failureBackoffMs(failures, null) });
    }
  }

  private async callFailed(task: TaskRecord, operation: 'submit' | 'poll', error: unknown): Promise<void> {
    const upstream = isUpstreamError(error) ? error : null;
    const message = error instanceof Error ? error.message : String(error);
    await this.exchanges.record(task.id, operation, {
      httpStatus: upstream?.httpStatus,
      body: upstream?.raw,
      error: message,
    });
    const failures = task.failures + 1;
    this.options.log.warn(`engine ${operation} failed`, {
      task: task.id,
      failures,
      code: upstream?.code ?? 'internal',
    });
    const givesUp = upstream && !upstream.retryable && (operation === 'submit' || failures >= MAX_POLL_REJECTIONS);
    if (givesUp) {
      const code = upstream.code === 'upstream_rejected' ? 'upstream_error' : upstream.code;
      const text = `${describeEngine(this.options.engine)} refused the task: ${message}`;
      return this.end(
        task,
        { status: 'failed', error: { code, message: text } },
        { ...this.event('failed', task.progress, 'engine'), message: text },
      );
    }
    await this.options.store.tasks.update(task.id, {
      failures,
      attempts: task.attempts + 1,
      nextPollAt: Date.now() + failureBackoffMs(failures, upstream?.retryAfterMs ?? null),
    });
  }

  private async expire(task: TaskRecord): Promise<void> {
    const minutes = Math.round(this.options.deadlineMs / 60_000);
    const message = `The task did not finish within ${minutes < 1 ? 'a minute' : `${minutes} minutes`}, so it was stopped. No credits were charged.`;
    await this.end(
      task,
      { status: 'failed', error: { code: 'deadline_exceeded', message } },
      { ...this.event('failed', task.progress, 'tracker'), message },
    );
  }

  private async end(
    task: TaskRecord,
    outcome: Parameters<Store['tasks']['finish']>[1],
    event: NewTaskEvent,
  ): Promise<void> {
    const ended = await this.options.store.tasks.finish(task.id, outcome, event, event.at);
    this.options.engine.release(engineTask(task));
    if (ended) this.options.onTaskEnded?.(task.id);
  }

  private event(status: TaskStatus, progress: number, source: NewTaskEvent['source']): NewTaskEvent {
    return { at: Date.now(), status, progress, source, message: null };
  }

  private async purgeIfDue(now: number): Promise<void> {
    if (now - this.lastPurgeAt < PURGE_EVERY_MS) return;
    this.lastPurgeAt = now;
    await this.options.store.idempotency.purgeBefore(now - IDEMPOTENCY_KEEP_MS);
  }
}

function engineTask(task: TaskRecord): EngineTask {
  return {
    id: task.id,
    model: task.model,
    prompt: task.prompt,
    image: task.image,
    duration: task.duration,
    resolution: task.resolution,
    upstreamTaskId: task.upstreamTaskId,
    submittedAt: task.submittedAt,
  };
}
