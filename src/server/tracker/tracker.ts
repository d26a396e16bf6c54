/**
 * The one loop per server that drives every unfinished task to an end: submits it to the
 * engine, polls with backoff (one call per task per interval, however many browsers watch),
 * archives the result, charges once, and fails what cannot finish by the deadline. Browsers
 * only ever read the store. On start it picks up whatever a previous process left unfinished.
 */
import type { Engine } from '@/server/engine/engine';
import type { Logger } from '@/server/logger';
import type { MediaStorage } from '@/server/media/media-storage';
import type { Store } from '@/server/store/store';
import type { TaskRecord } from '@/server/store/tasks-store';
import { ExchangeLog } from './exchange-log';
import { forgetExpiredKeys } from '@/server/tasks/idempotency-retention';
import { TaskSteps } from './task-steps';
import { taskEvent } from './tracking-context';
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
const PURGE_EVERY_MS = 60 * 60_000;

/* What a restart does with a submit that was under way: depends on whether the engine knows a repeat. */
const RESUBMIT_NOTE =
  'Picked up after a restart. The submit may have reached the engine; it is sent again, and the engine answers a repeat with the job the first one made.';
const NO_RESUBMIT_NOTE =
  'Picked up after a restart. A submit was under way, so the engine may have made this video; it is not sent again.';

export class Tracker {
  private readonly loop: WakeableLoop;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly hinted = new Set<string>();
  private readonly stopping = new AbortController();
  private readonly exchanges: ExchangeLog;
  private readonly steps: TaskSteps;
  private readonly maxSteps: number;
  private lastPurgeAt = 0;

  constructor(private readonly options: TrackerOptions) {
    this.exchanges = new ExchangeLog(options.store.history, options.secrets);
    this.steps = new TaskSteps({ ...options, exchanges: this.exchanges, stopping: this.stopping.signal });
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
      const resent = this.options.engine.submitsAreIdempotent ? RESUBMIT_NOTE : NO_RESUBMIT_NOTE;
      await tasks.update(
        id,
        { nextPollAt: now },
        taskEvent(task.status, task.progress, 'recovery', mayHaveReached ? resent : 'Picked up after a restart.'),
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
    const run = this.steps
      .run(task)
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

  private async purgeIfDue(now: number): Promise<void> {
    if (now - this.lastPurgeAt < PURGE_EVERY_MS) return;
    this.lastPurgeAt = now;
    await forgetExpiredKeys(this.options.store.idempotency, now);
  }
}
