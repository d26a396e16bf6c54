import { reservationOf, type IdempotencyKeyRow, type IdempotencyStore, type Reservation } from '../idempotency-store';
import type { PgDatabase, Sql } from './pg-database';

export class PgIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: PgDatabase) {}

  /*
   * The insert decides between concurrent first requests (the unique key: one inserts, the others
   * wait for it and find it); the row lock then decides between concurrent takeovers of a stale one.
   */
  reserve(key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<Reservation> {
    return this.db.transaction(async (sql) => {
      for (;;) {
        if (await this.insert(sql, key, bodyHash, now)) return { state: 'reserved' };
        const row = await sql.row<IdempotencyKeyRow>(
          'SELECT body_hash, task_id, created_at FROM idempotency_keys WHERE key = $1 FOR UPDATE',
          [key],
        );
        if (!row) continue; // released between the two statements: try the insert again
        const found = reservationOf(row, bodyHash, now, staleAfterMs);
        if (found !== 'take_over') return found;
        await sql.write('UPDATE idempotency_keys SET created_at = $1 WHERE key = $2', [now, key]);
        return { state: 'reserved' };
      }
    });
  }

  private async insert(sql: Sql, key: string, bodyHash: string, now: number): Promise<boolean> {
    const inserted = await sql.write(
      `INSERT INTO idempotency_keys (key, body_hash, task_id, created_at) VALUES ($1, $2, NULL, $3)
       ON CONFLICT (key) DO NOTHING`,
      [key, bodyHash, now],
    );
    return inserted === 1;
  }

  async release(key: string): Promise<void> {
    await this.db.write('DELETE FROM idempotency_keys WHERE key = $1 AND task_id IS NULL', [key]);
  }

  purgeBefore(cutoff: number): Promise<number> {
    return this.db.write('DELETE FROM idempotency_keys WHERE created_at < $1', [cutoff]);
  }
}
