import type { CallbackRecord, CallbacksStore } from '../callbacks-store';
import type { PgDatabase } from './pg-database';

interface CallbackRow {
  task_id: string;
  url: string;
  attempts: number;
  next_at: number;
}

export class PgCallbacksStore implements CallbacksStore {
  constructor(private readonly db: PgDatabase) {}

  /* Servers sending at the same moment skip each other's rows: one callback, one sender. */
  async claimDue(now: number, limit: number, until: number): Promise<CallbackRecord[]> {
    const rows = await this.db.rows<CallbackRow>(
      `WITH due AS (
         SELECT task_id, next_at FROM callbacks WHERE state = 'pending' AND next_at <= $1
         ORDER BY next_at LIMIT $2 FOR UPDATE SKIP LOCKED
       )
       UPDATE callbacks SET next_at = $3 FROM due WHERE callbacks.task_id = due.task_id
       RETURNING callbacks.task_id, callbacks.url, callbacks.attempts, due.next_at`,
      [now, limit, until],
    );
    return rows
      .sort((a, b) => a.next_at - b.next_at)
      .map((row) => ({ taskId: row.task_id, url: row.url, attempts: row.attempts }));
  }

  async nextDueAt(): Promise<number | null> {
    const row = await this.db.row<{ at: number | null }>(
      `SELECT MIN(next_at) AS at FROM callbacks WHERE state = 'pending'`,
    );
    return row!.at;
  }

  async delivered(taskId: string, at: number): Promise<void> {
    await this.db.write(
      `UPDATE callbacks SET state = 'delivered', attempts = attempts + 1, next_at = NULL, last_error = NULL,
         updated_at = $1 WHERE task_id = $2`,
      [at, taskId],
    );
  }

  async failed(taskId: string, attempts: number, nextAt: number | null, error: string, at: number): Promise<void> {
    await this.db.write(
      'UPDATE callbacks SET state = $1, attempts = $2, next_at = $3, last_error = $4, updated_at = $5 WHERE task_id = $6',
      [nextAt === null ? 'gave_up' : 'pending', attempts, nextAt, error, at, taskId],
    );
  }
}
