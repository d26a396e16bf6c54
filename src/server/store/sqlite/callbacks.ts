import type { CallbackRecord, CallbacksStore } from '../callbacks-store';
import type { SqliteDatabase } from './sqlite-database';

interface CallbackRow {
  task_id: string;
  url: string;
  attempts: number;
}

export class SqliteCallbacksStore implements CallbacksStore {
  constructor(private readonly db: SqliteDatabase) {}

  claimDue(now: number, limit: number, until: number): Promise<CallbackRecord[]> {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(
          `SELECT task_id, url, attempts FROM callbacks WHERE state = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?`,
        )
        .all(now, limit) as CallbackRow[];
      const hold = this.db.prepare('UPDATE callbacks SET next_at = ? WHERE task_id = ?');
      for (const row of rows) hold.run(until, row.task_id);
      return rows.map((row) => ({ taskId: row.task_id, url: row.url, attempts: row.attempts }));
    }, 'deferred');
  }

  async nextDueAt(): Promise<number | null> {
    const row = await this.db.get<{ at: number | null }>(
      `SELECT MIN(next_at) AS at FROM callbacks WHERE state = 'pending'`,
    );
    return row!.at;
  }

  async delivered(taskId: string, at: number): Promise<void> {
    await this.db.write(
      `UPDATE callbacks SET state = 'delivered', attempts = attempts + 1, next_at = NULL, last_error = NULL,
         updated_at = ? WHERE task_id = ?`,
      at,
      taskId,
    );
  }

  async failed(taskId: string, attempts: number, nextAt: number | null, error: string, at: number): Promise<void> {
    await this.db.write(
      'UPDATE callbacks SET state = ?, attempts = ?, next_at = ?, last_error = ?, updated_at = ? WHERE task_id = ?',
      nextAt === null ? 'gave_up' : 'pending',
      attempts,
      nextAt,
      error,
      at,
      taskId,
    );
  }
}
