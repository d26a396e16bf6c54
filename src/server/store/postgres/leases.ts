/**
 * Who works on which task, on PostgreSQL, where several servers share the tasks table
 * (tasks-store.ts says what each call promises). A claim locks the due rows it takes with
 * `FOR UPDATE SKIP LOCKED`: servers claiming at the same moment skip each other's rows rather
 * than wait for them or take them twice.
 *
 * Why not a job library (graphile-worker, pg-boss): the tasks table already is the queue — a
 * task's next poll is its due time, and the tracker reschedules it after every step — and it
 * must behave the same on SQLite. A library would add a second queue to keep in step with the
 * tasks, and a second tracker for PostgreSQL alone.
 */
import { toTaskRecord, type TaskRow } from '../task-row';
import { kindFilter, type ClaimedTask, type ClaimRequest, type Lease, type TaskLeases } from '../task-leases';
import type { PgDatabase } from './pg-database';
import { PRESENCE_NAMESPACE, type PgPresence } from './presence';

/*
 * The holder of this row's lease is alive: it holds its presence lock (presence.ts). Asked only
 * of leases that have not run out and are someone else's.
 */
export const holderAlive = (table: 'tasks' | 'montages') => `EXISTS (
  SELECT 1 FROM pg_locks
  WHERE locktype = 'advisory' AND granted AND objsubid = 2
    AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND classid = hashtext('${PRESENCE_NAMESPACE}')::oid AND objid = hashtext(${table}.lease_owner)::oid
)`;
const HOLDER_ALIVE = holderAlive('tasks');

type ClaimRow = TaskRow & { lease_token: string; previous_owner: string | null };

export class PgLeases implements TaskLeases {
  constructor(
    private readonly db: PgDatabase,
    private readonly presence: PgPresence,
  ) {}

  async claimDue(now: number, limit: number, claim: ClaimRequest): Promise<ClaimedTask[]> {
    const rows = await this.db.rows<ClaimRow>(
      `WITH due AS (
         SELECT id, lease_owner AS previous_owner FROM tasks
         WHERE status IN ('queued', 'running') AND next_poll_at <= $1${kindFilter(claim.kind)}
           AND (lease_until IS NULL OR lease_until <= $1 OR (lease_owner <> $3 AND NOT ${HOLDER_ALIVE}))
         ORDER BY next_poll_at LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE tasks SET lease_owner = $3, lease_token = gen_random_uuid()::text, lease_until = $4
       FROM due WHERE tasks.id = due.id
       RETURNING tasks.*, due.previous_owner`,
      [now, limit, claim.owner, claim.until],
    );
    return rows
      .sort((a, b) => (a.next_poll_at ?? 0) - (b.next_poll_at ?? 0))
      .map((row) => ({
        task: toTaskRecord(row),
        lease: { owner: claim.owner, token: row.lease_token },
        interrupted: row.previous_owner !== null,
      }));
  }

  async renew(leases: readonly Lease[], until: number): Promise<string[]> {
    if (!leases.length) return [];
    const rows = await this.db.rows<{ id: string }>(
      `UPDATE tasks SET lease_until = $1
       WHERE (lease_owner, lease_token) IN (SELECT * FROM unnest($2::text[], $3::text[]))
       RETURNING id`,
      [until, leases.map((l) => l.owner), leases.map((l) => l.token)],
    );
    return rows.map((row) => row.id);
  }

  async release(id: string, lease: Lease): Promise<void> {
    await this.db.write(
      'UPDATE tasks SET lease_owner = NULL, lease_token = NULL, lease_until = NULL WHERE id = $1 AND lease_token = $2',
      [id, lease.token],
    );
  }

  /* Servers share the database: nothing is anyone's leftover until its holder is gone. */
  join(owner: string): Promise<void> {
    return this.presence.join(owner);
  }

  /* A held task is not due before its lease runs out, whatever its next poll says. */
  async nextDueAt(): Promise<number | null> {
    const row = await this.db.row<{ at: number | null }>(
      `SELECT MIN(GREATEST(next_poll_at, COALESCE(lease_until, 0))) AS at FROM tasks
       WHERE status IN ('queued', 'running')`,
    );
    return row!.at;
  }
}
