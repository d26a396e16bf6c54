/** Who works on which task, on SQLite: claims, renewals and hand-backs (tasks-store.ts says what each promises). */
import { randomBytes } from 'node:crypto';
import { toTaskRecord, type TaskRow } from '../task-row';
import { kindFilter, type ClaimedTask, type ClaimRequest, type Lease, type TaskLeases } from '../task-leases';
import type { SqliteDatabase } from './sqlite-database';

/* Due and free: its next poll has come, and no one holds it (or the lease ran out). */
const CLAIMABLE = `status IN ('queued', 'running') AND next_poll_at <= ? AND (lease_until IS NULL OR lease_until <= ?)`;
/* What a process that stopped is called as the holder of the tasks it left (see join). */
const STOPPED_PROCESS = 'a stopped process';

type ClaimRow = TaskRow & { lease_owner: string | null };

export class SqliteLeases implements TaskLeases {
  constructor(private readonly db: SqliteDatabase) {}

  claimDue(now: number, limit: number, claim: ClaimRequest): Promise<ClaimedTask[]> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(`SELECT * FROM tasks WHERE ${CLAIMABLE}${kindFilter(claim.kind)} ORDER BY next_poll_at LIMIT ?`)
        .all(now, now, limit) as ClaimRow[];
      const take = this.db.prepare('UPDATE tasks SET lease_owner = ?, lease_token = ?, lease_until = ? WHERE id = ?');
      return rows.map((row): ClaimedTask => {
        const lease = { owner: claim.owner, token: randomBytes(12).toString('base64url') };
        take.run(lease.owner, lease.token, claim.until, row.id);
        return { task: toTaskRecord(row), lease, interrupted: row.lease_owner !== null };
      });
    }, 'deferred');
  }

  renew(leases: readonly Lease[], until: number): Promise<string[]> {
    if (!leases.length) return Promise.resolve([]);
    return this.db.transaction(() => {
      const renew = this.db.prepare(
        'UPDATE tasks SET lease_until = ? WHERE lease_owner = ? AND lease_token = ? RETURNING id',
      );
      return leases.flatMap((lease) => {
        const row = renew.get(until, lease.owner, lease.token) as { id: string } | undefined;
        return row ? [row.id] : [];
      });
    });
  }

  async release(id: string, lease: Lease): Promise<void> {
    await this.db.run(() =>
      this.db
        .prepare(
          'UPDATE tasks SET lease_owner = NULL, lease_token = NULL, lease_until = NULL WHERE id = ? AND lease_token = ?',
        )
        .run(id, lease.token),
    );
  }

  /*
   * One server per DATA_DIR: whatever is unfinished as it starts was left by a process that is
   * gone — mid-step or between steps. Each is due now, and its claim says it was interrupted.
   */
  async join(owner: string, now: number): Promise<void> {
    await this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE tasks SET lease_owner = COALESCE(lease_owner, ?), lease_token = NULL, lease_until = NULL,
             next_poll_at = ? WHERE status IN ('queued', 'running')`,
        )
        .run(STOPPED_PROCESS, now);
      // So is a montage's render: free now, not when its lease would have run out. (This server's
      // own montage worker may already hold one: that lease is left alone.)
      this.db
        .prepare(
          `UPDATE montages SET lease_until = NULL
           WHERE status IN ('queued', 'running') AND lease_owner IS NOT ? AND lease_until IS NOT NULL`,
        )
        .run(owner);
    });
  }

  /* A held task is not due before its lease runs out, whatever its next poll says. */
  nextDueAt(): Promise<number | null> {
    return this.db.run(
      () =>
        (
          this.db
            .prepare(
              `SELECT MIN(MAX(next_poll_at, COALESCE(lease_until, 0))) AS at FROM tasks
               WHERE status IN ('queued', 'running')`,
            )
            .get() as { at: number | null }
        ).at,
    );
  }
}
