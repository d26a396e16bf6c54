/**
 * Who works on which task now. A server works on a task only while it holds the task's lease:
 * claimed when its next poll is due, renewed while the step runs, handed back when the step
 * ends. A task held by a server that died is claimed by another as soon as the store knows the
 * server is gone (on PostgreSQL its session ends: presence.ts), and within one lease at the
 * latest; the claim is one transaction, so never by two at once. (tasks-store.ts: how this
 * makes every task submitted, charged and called back once.)
 */
import type { TaskRecord } from './tasks-store';

/**
 * Who holds a task right now: the server (`owner`, its id) and this one claim of it (`token`).
 * Writes made with a lease apply only while that lease is current, so a server whose lease ran
 * out and was taken over cannot write its late result over the new holder's.
 */
export interface Lease {
  owner: string;
  token: string;
}

export interface ClaimedTask {
  task: TaskRecord;
  lease: Lease;
  /**
   * The task was held by a server that never handed it back (it died or stopped mid-step, or —
   * on SQLite — the process before this one had it): its last step may have been cut short.
   */
  interrupted: boolean;
}

/**
 * What a claim takes: tasks not yet sent to the engine (`submit`), or sent ones due for a poll
 * (`poll`); both when not given. The tracker bounds the two apart: a submit may encode an image
 * and starts a paid job, a poll is one small call, and many of those can wait on the network at once.
 */
export type ClaimKind = 'submit' | 'poll';

export interface ClaimRequest {
  owner: string;
  until: number;
  kind?: ClaimKind;
}

export interface TaskLeases {
  /**
   * Claims up to `limit` unfinished tasks whose next poll is due and that no live server holds
   * (no lease, one that ran out, or one of a server that has gone), soonest first, each under a new lease of `owner`'s until `until`. The
   * select and the lease are one transaction (on PostgreSQL `FOR UPDATE SKIP LOCKED`, so servers
   * claiming at once skip each other's rows rather than wait): no task is held twice. `claim.kind` takes only submits or only polls.
   */
  claimDue(now: number, limit: number, claim: ClaimRequest): Promise<ClaimedTask[]>;
  /** Extends the leases still held to `until`; answers the ids of the tasks whose lease was still this one. */
  renew(leases: readonly Lease[], until: number): Promise<string[]>;
  /** Hands a task back when its step ends: due again at its next poll, to whoever claims it. */
  release(id: string, lease: Lease): Promise<void>;
  /**
   * Called once as a tracker starts, before it claims: `owner` is alive from now on, until the
   * store closes. With SQLite one server owns DATA_DIR, so every unfinished task was in the care
   * of a process that has stopped: each is due now and comes back from claimDue `interrupted`.
   * With PostgreSQL the server's presence is held in the database (presence.ts): other servers
   * leave its leases alone while it lives, and take them over, `interrupted`, once it is gone.
   */
  join(owner: string, now: number): Promise<void>;
  /** When the next unfinished task is due and free to claim, or null when none is unfinished. */
  nextDueAt(): Promise<number | null>;
}

/** The SQL condition (both dialects) that keeps a claim to its kind. */
export function kindFilter(kind: ClaimKind | undefined): string {
  if (!kind) return '';
  return kind === 'submit' ? ' AND upstream_task_id IS NULL' : ' AND upstream_task_id IS NOT NULL';
}
