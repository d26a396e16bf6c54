import type { CallbackRecord, CallbacksStore } from '../callbacks-store';
import type { StatementCache } from './statement-cache';

export class SqliteCallbacksStore implements CallbacksStore {
  constructor(private readonly statements: StatementCache) {}

  async due(now: number, limit: number): Promise<CallbackRecord[]> {
    const rows = this.statements
      .get(
        `SELECT task_id, url, attempts FROM callbacks WHERE state = 'pending' AND next_at <= ? ORDER BY next_at LIMIT ?`,
      )
      .all(now, limit) as { task_id: string; url: string; attempts: number }[];
    return rows.map((row) => ({ taskId: row.task_id, url: row.url, attempts: row.attempts }));
  }

  async nextDueAt(): Promise<number | null> {
    const row = this.statements.get(`SELECT MIN(next_at) AS at FROM callbacks WHERE state = 'pending'`).get() as {
      at: number | null;
    };
    return row.at;
  }

  async lease(taskId: string, until: number): Promise<void> {
    this.statements.get(`UPDATE callbacks SET next_at = ? WHERE task_id = ? AND state = 'pending'`).run(until, taskId);
  }

  async delivered(taskId: string, at: number): Promise<void> {
    this.statements
      .get(
        `UPDATE callbacks SET state = 'delivered', attempts = attempts + 1, next_at = NULL, last_error = NULL,
           updated_at = ? WHERE task_id = ?`,
      )
      .run(at, taskId);
  }

  async failed(taskId: string, attempts: number, nextAt: number | null, error: string, at: number): Promise<void> {
    this.statements
      .get(
        'UPDATE callbacks SET state = ?, attempts = ?, next_at = ?, last_error = ?, updated_at = ? WHERE task_id = ?',
      )
      .run(nextAt === null ? 'gave_up' : 'pending', attempts, nextAt, error, at, taskId);
  }
}
