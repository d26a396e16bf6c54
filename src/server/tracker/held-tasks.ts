/**
 * The leases of the tasks this server's tracker is working on: renewed on a timer while their
 * steps run, let go when a step ends, and carried by every write the steps make — so a server
 * that lost a lease (it stalled past it and another server took the task over) cannot write
 * over the new holder's work. A lease is short (TASK_LEASE_MS, 30 s): a task held by a server
 * that died is claimed by another as soon as the store sees it gone, within a lease at the
 * latest; after a restart, at once (TaskLeases.join).
 */
import type { Logger } from '@/server/logger';
import type { Store } from '@/server/store/store';
import type { Lease } from '@/server/store/task-leases';
import type { TasksStore } from '@/server/store/tasks-store';

export const DEFAULT_LEASE_MS = 30_000;

export class HeldTasks {
  private readonly leases = new Map<string, Lease>();
  private readonly lost = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;
  /** The store as the tracker's steps see it: a write to a held task goes with its lease. */
  readonly store: Store;

  constructor(
    private readonly base: Store,
    private readonly log: Logger,
    readonly leaseMs = DEFAULT_LEASE_MS,
  ) {
    const tasks = base.tasks;
    // Every other call goes to the store's own methods unchanged (the prototype is the store).
    const leased: TasksStore = Object.assign(Object.create(tasks) as TasksStore, {
      update: (...[id, patch, event, lease]: Parameters<TasksStore['update']>) =>
        tasks.update(id, patch, event, lease ?? this.leases.get(id)),
      finish: (...[id, outcome, event, at, lease]: Parameters<TasksStore['finish']>) =>
        tasks.finish(id, outcome, event, at, lease ?? this.leases.get(id)),
    });
    this.store = { ...base, tasks: leased };
  }

  /** Holds (or, for a task whose step still runs here, takes back under a new lease) a claimed task. */
  hold(id: string, lease: Lease): void {
    this.leases.set(id, lease);
    this.lost.delete(id);
  }

  /** The step ended: the task goes back to whoever claims it at its next poll. */
  async letGo(id: string): Promise<void> {
    const lease = this.leases.get(id);
    this.leases.delete(id);
    this.lost.delete(id);
    if (lease) await this.base.leases.release(id, lease);
  }

  start(): void {
    this.timer = setInterval(() => this.renew(), Math.max(100, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
  }

  private renew(): void {
    if (this.renewing || !this.leases.size) return;
    const held = [...this.leases];
    this.renewing = this.base.leases
      .renew(
        held.map(([, lease]) => lease),
        Date.now() + this.leaseMs,
      )
      .then((renewed) => {
        const still = new Set(renewed);
        for (const [id] of held) {
          if (still.has(id) || this.lost.has(id) || !this.leases.has(id)) continue;
          this.lost.add(id);
          this.log.warn('lease lost: another server took the task over; this one stops writing to it', { task: id });
        }
      })
      // Not renewed this time (the database is busy): the lease is three renewals long.
      .catch((error: unknown) => this.log.warn('lease renewal failed', { error: (error as Error).message }))
      .finally(() => (this.renewing = null));
  }
}
