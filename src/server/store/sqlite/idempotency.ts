import { reservationOf, type IdempotencyKeyRow, type IdempotencyStore, type Reservation } from '../idempotency-store';
import type { SqliteDatabase } from './sqlite-database';

export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: SqliteDatabase) {}

  reserve(key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<Reservation> {
    return this.db.transaction((): Reservation => {
      const row = this.db
        .prepare('SELECT body_hash, task_id, created_at FROM idempotency_keys WHERE key = ?')
        .get(key) as IdempotencyKeyRow | undefined;
      if (!row) {
        this.db
          .prepare('INSERT INTO idempotency_keys (key, body_hash, task_id, created_at) VALUES (?, ?, NULL, ?)')
          .run(key, bodyHash, now);
        return { state: 'reserved' };
      }
      const found = reservationOf(row, bodyHash, now, staleAfterMs);
      if (found !== 'take_over') return found;
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
