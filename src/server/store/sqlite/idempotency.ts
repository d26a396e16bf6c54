import type { IdempotencyStore, Reservation } from '../idempotency-store';
import type { SqliteDatabase } from './sqlite-database';

interface KeyRow {
  body_hash: string;
  task_id: string | null;
  created_at: number;
}

export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: SqliteDatabase) {}

  reserve(key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<Reservation> {
    return this.db.transaction((): Reservation => {
      const row = this.db
        .prepare('SELECT body_hash, task_id, created_at FROM idempotency_keys WHERE key = ?')
        .get(key) as KeyRow | undefined;
      if (!row) {
        this.db
          .prepare('INSERT INTO idempotency_keys (key, body_hash, task_id, created_at) VALUES (?, ?, NULL, ?)')
          .run(key, bodyHash, now);
        return { state: 'reserved' };
      }
      if (row.body_hash !== bodyHash) return { state: 'conflict' };
      if (row.task_id) return { state: 'replay', taskId: row.task_id };
      if (now - row.created_at < staleAfterMs) return { state: 'in_flight' };
      this.db.prepare('UPDATE idempotency_keys SET created_at = ? WHERE key = ?').run(now, key);
      return { state: 'reserved' };
    });
  }

  async release(key: string): Promise<void> {
    await this.db.write('DELETE FROM idempotency_keys WHERE key = ? AND task_id IS NULL', key);
  }

  purgeBefore(cutoff: number): Promise<number> {
    return this.db.write('DELETE FROM idempotency_keys WHERE created_at < ?', cutoff);
  }
}
