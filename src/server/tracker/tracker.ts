/**
 * The one loop per server that drives every unfinished task to an end: submits it to the
 * engine, polls with backoff (one call per task per interval, however many browsers watch),
 * archives the result, charges once, and fails what cannot finish by the deadline. Browsers
 * only ever read the store. Servers sharing a database share the work: each step runs under
 * a short lease of this server's (held-tasks.ts), claimed from the store so no task is worked on
 * by two at once; a task a stopped server left mid-step is claimed again and noted as picked up.
 */
import type { Engine } from '@/server/engine/engine';
import type { Logger } from '@/server/logger';
import type { MediaStorage } from '@/server/media/media-storage';
import type { Store } from '@/server/store/store';
import type { ClaimKind } from '@/server/store/task-leases';
import type { TaskRecord } from '@/server/store/tasks-store';
import { ExchangeLog } from './exchange-log';
import { outsideRequest } from '@/server/request-context';
import { forgetExpiredKeys } from '@/server/tasks/idempotency-retention';
import { HeldTasks } from './held-tasks';
import { Limiter } from './limiter';
import { TaskSteps } from './task-steps';
import { taskEvent } from './tracking-context';
import { WakeableLoop } from './wakeable-loop';

export interface TrackerOptions {
  /** This server's id: the owner of its leases. */
  serverId: string;
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
  /** Submits at once on this server (default 8). */
  maxConcurrentSubmits?: number;
  /** Polls at once on this server (default 256): each waits on one small upstream call. */
  maxConcurrentPolls?: number;
  /** Finished videos copied in at once (default 8). */
  maxConcurrentDownloads?: number;
  /** How long a claim holds a task unless renewed (tests shorten it). */
  leaseMs?: number;
}

const PURGE_EVERY_MS = 60 * 60_000;
/*
 * Passes run this often at most on their own (a wake for a new task runs one at once): tasks due
 * a few ms apart are claimed in one pass, and a hundred steps ending within it ask for one pass.
 */
const PASS_GAP_MS = 100;
const KINDS: readonly ClaimKind[] = ['submit', 'poll'];

/** What this server's tracker is doing now, for /metrics. */
export interface TrackerLoad {
  submits: number;
  polls: number;
  downloadsRunning: number;
  downloadsQueued: number;
}

/* What a restart does with a submit that was under way: depends on whether the engine knows a repeat. */
const RESUBMIT_NOTE =
  'Picked up after a restart. The submit may have reached the engine; it is sent again, and the engine answers a repeat with the job the first one made.';
const NO_RESUBMIT_NOTE =
  'Picked up after a restart. A submit was under way, so the engine may have made this video; it is not sent again.';

export class Tracker {
  private readonly loop: WakeableLoop;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly running: Record<ClaimKind, number> = { submit: 0, poll: 0 };
  private readonly limits: Record<ClaimKind, number>;
  private readonly downloads: Limiter;
  private readonly hinted = new Set<string>();
  private readonly stopping = new AbortController();
  private readonly exchanges: ExchangeLog;
  private readonly steps: TaskSteps;
  private readonly held: HeldTasks;
  private lastPurgeAt = 0;

  constructor(private readonly options: TrackerOptions) {
    this.exchanges = new ExchangeLog(options.store.history, options.secrets);
    this.held = new HeldTasks(options.store, options.log, options.leaseMs);
    const store = this.held.store;
    this.downloads = new Limiter(options.maxConcurrentDownloads ?? 8);
    this.steps = new TaskSteps({
      ...options,
      store,
      exchanges: this.exchanges,
      stopping: this.stopping.signal,
      downloads: this.downloads,
    });
    this.limits = { submit: options.maxConcurrentSubmits ?? 8, poll: options.maxConcurrentPolls ?? 256 };
    this.loop = new WakeableLoop(
      () => this.pass(),
      (error) => options.log.error('tracker pass failed', { error: (error as Error).message }),
    );
  }

  async start(): Promise<void> {
    await this.options.store.leases.join(this.options.serverId, Date.now());
    this.held.start();
    await this.options.store.wakes?.listen(() => this.loop.wake());
    this.loop.start();
  }

  /** Looks for due work now (a new task, a webhook), here and on the other servers sharing the store. */
  wake(): void {
    // The passes it starts go on for themselves: their log lines are not the waking request's.
    outsideRequest(() => {
      this.loop.wake();
      this.options.store.wakes?.notify();
    });
  }

  get load(): TrackerLoad {
    const { submit, poll } = this.running;
    return {
      submits: submit,
      polls: poll,
      downloadsRunning: this.downloads.running,
      downloadsQueued: this.downloads.queued,
    };
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
    // Leases stay renewed until the last step has written its state and handed its task back.
    await Promise.allSettled(this.inFlight.values());
    await this.held.stop();
  }

  private async pass(): Promise<number | null> {
    const now = Date.now();
    await this.purgeIfDue(now);
    for (const kind of KINDS) {
      const free = this.limits[kind] - this.running[kind];
      if (free <= 0) continue;
      const claim = { owner: this.options.serverId, until: now + this.held.leaseMs, kind };
      for (const { task, lease, interrupted } of await this.options.store.leases.claimDue(now, free, claim)) {
        this.held.hold(task.id, lease);
        // Its lease ran out while its step still runs here (the process stalled): the step keeps it.
        if (!this.inFlight.has(task.id)) this.launch(task, interrupted, kind);
      }
    }
    const next = await this.options.store.leases.nextDueAt();
    return next === null ? null : Math.max(next, now + PASS_GAP_MS);
  }

  private launch(task: TaskRecord, interrupted: boolean, kind: ClaimKind): void {
    this.running[kind] += 1;
    const run = (interrupted ? this.notePickedUp(task) : Promise.resolve())
      .then(() => this.steps.run(task))
      .then(() => this.pollAgainIfHinted(task.id))
      .catch((error: unknown) =>
        this.options.log.error('tracker step failed', { task: task.id, error: (error as Error).message }),
      )
      .finally(async () => {
        await this.held
          .letGo(task.id)
          .catch((error: unknown) =>
            this.options.log.warn('lease hand-back failed', { task: task.id, error: (error as Error).message }),
          );
        this.inFlight.delete(task.id);
        this.running[kind] -= 1;
        // Its next poll, or a slot for a waiting task: looked for soon, one pass for a burst of endings.
        this.loop.wakeWithin(PASS_GAP_MS);
      });
    this.inFlight.set(task.id, run);
  }

  /* For support: the step before may have been cut short, and a submit may have reached the engine. */
  private async notePickedUp(task: TaskRecord): Promise<void> {
    const mayHaveReached = task.submitStartedAt !== null && task.upstreamTaskId === null;
    const resent = this.options.engine.submitsAreIdempotent ? RESUBMIT_NOTE : NO_RESUBMIT_NOTE;
    const message = mayHaveReached ? resent : 'Picked up after a restart.';
    await this.held.store.tasks.update(task.id, {}, taskEvent(task.status, task.progress, 'recovery', message));
  }

  private async pollAgainIfHinted(taskId: string): Promise<void> {
    if (!this.hinted.delete(taskId) || this.stopping.signal.aborted) return;
    await this.held.store.tasks.update(taskId, { nextPollAt: Date.now() });
  }

  private async purgeIfDue(now: number): Promise<void> {
    if (now - this.lastPurgeAt < PURGE_EVERY_MS) return;
    this.lastPurgeAt = now;
    await forgetExpiredKeys(this.options.store.idempotency, now);
    await this.options.store.rateLimits.purgeIdle(now - PURGE_EVERY_MS);
  }
}
