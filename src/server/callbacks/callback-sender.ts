/**
 * Delivers the task JSON to a user's `callback_url` when a task ends: from the outbox the final
 * transition wrote, on its own loop (a slow receiver never delays the tracker), with retries
 * and backoff, and again after a restart if it had not gone out yet.
 */
import type { Logger } from '@/server/logger';
import { safeFetch } from '@/server/net/safe-fetch';
import type { CallbackRecord } from '@/server/store/callbacks-store';
import type { Store } from '@/server/store/store';
import { toTaskJson } from '@/server/tasks/task-json';
import { retryDelayMs } from '@/server/net/retry-policy';
import { WakeableLoop } from '@/server/tracker/wakeable-loop';
import { ExchangeLog } from '@/server/tracker/exchange-log';

export interface CallbackSenderOptions {
  store: Store;
  log: Logger;
  secrets: readonly string[];
  /** This server's public origin, for the media URLs in the task JSON. */
  origin: () => string;
  typicalDurationMs: number;
  isAllowedAddress?: (address: string) => boolean;
  maxAttempts?: number;
  /** First retry waits up to this long, doubling each time. */
  retryBaseMs?: number;
  timeoutMs?: number;
}

const CONCURRENCY = 4;
/*
 * On shutdown a receiver still being waited for is waited for this long at most, so one that hangs
 * cannot hold up a restart; its callback stays due and goes out again after the next start
 * (receivers can spot the repeat by its Idempotency-Key).
 */
const STOP_GRACE_MS = 1000;
/* A send in progress is leased this much past its timeout before it counts as lost. */
const LEASE_MARGIN_MS = 5000;

export class CallbackSender {
  private readonly loop: WakeableLoop;
  private readonly inFlight = new Set<string>();
  private readonly sending = new Set<Promise<void>>();
  private readonly exchanges: ExchangeLog;
  /** Set when a shutdown stopped waiting for sends still in progress. */
  private abandoned = false;

  constructor(private readonly options: CallbackSenderOptions) {
    this.exchanges = new ExchangeLog(options.store.history, options.secrets);
    this.loop = new WakeableLoop(
      () => this.pass(),
      (error) => options.log.error('callback pass failed', { error: (error as Error).message }),
      30_000,
    );
  }

  start(): void {
    this.loop.start();
  }

  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    let grace: NodeJS.Timeout | undefined;
    const settled = await Promise.race([
      Promise.allSettled(this.sending).then(() => true),
      new Promise<boolean>((resolve) => (grace = setTimeout(() => resolve(false), STOP_GRACE_MS))),
    ]);
    clearTimeout(grace);
    this.abandoned = !settled;
  }

  private async pass(): Promise<number | null> {
    const { callbacks } = this.options.store;
    const free = CONCURRENCY - this.inFlight.size;
    if (free > 0) {
      const now = Date.now();
      // Held while it is sent (by this server alone), so a receiver that hangs does not hide when the others are due.
      const due = await callbacks.claimDue(now, free, now + this.timeoutMs() + LEASE_MARGIN_MS);
      for (const callback of due.filter((c) => !this.inFlight.has(c.taskId))) this.launch(callback);
    }
    return callbacks.nextDueAt();
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? 10_000;
  }

  private launch(callback: CallbackRecord): void {
    this.inFlight.add(callback.taskId);
    const sending: Promise<void> = this.send(callback)
      .catch((error: unknown) =>
        this.options.log.error('callback failed', { task: callback.taskId, error: (error as Error).message }),
      )
      .finally(() => {
        this.inFlight.delete(callback.taskId);
        this.sending.delete(sending);
        this.wake();
      });
    this.sending.add(sending);
  }

  private async send(callback: CallbackRecord): Promise<void> {
    const { store } = this.options;
    const task = await store.tasks.get(callback.taskId);
    if (!task) return;
    const attempts = callback.attempts + 1;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await safeFetch(callback.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `callback-${task.id}` },
        body: JSON.stringify(toTaskJson(task, this.options.origin(), this.options.typicalDurationMs)),
        timeoutMs: this.timeoutMs(),
        maxBytes: 64 * 1024,
        maxRedirects: 0,
        isAllowed: this.options.isAllowedAddress,
      });
      status = response.status;
      if (status < 200 || status >= 300) error = `The callback URL answered HTTP ${status}.`;
    } catch (caught) {
      error = `The callback URL could not be reached: ${(caught as Error).message}`;
    }
    // Answered after the shutdown gave up on it: the store may be closed, and the callback is still due.
    if (this.abandoned) return;
    await this.exchanges.record(task.id, 'callback', {
      httpStatus: status,
      body: { url: callback.url, attempt: attempts },
      error,
    });
    const now = Date.now();
    if (!error) return store.callbacks.delivered(task.id, now);
    const giveUp = attempts >= (this.options.maxAttempts ?? 8);
    const wait = retryDelayMs({
      retry: attempts - 1,
      baseMs: this.options.retryBaseMs ?? 2000,
      capMs: 10 * 60_000,
      retryAfterMs: null,
      random: Math.random,
    });
    await store.callbacks.failed(task.id, attempts, giveUp ? null : now + Math.max(wait, 100), error, now);
  }
}
