import { LEDGER_REASONS } from '../ledger-store';
import { SPEND_REASONS, type BatchSpend, type DaySpend, type SpendStore } from '../spend-store';
import type { SqliteDatabase } from './sqlite-database';

export class SqliteSpendStore implements SpendStore {
  constructor(private readonly db: SqliteDatabase) {}

  byDay(fromMs: number, toMs: number, offsetMinutes: number): Promise<DaySpend[]> {
    return this.db.all<DaySpend>(
      `SELECT date(at / 1000 + ?, 'unixepoch') AS date,
           -SUM(credits) AS chargedCredits,
           SUM(CASE WHEN reason = '${LEDGER_REASONS.charge}' THEN 1 ELSE 0 END) AS videos
         FROM ledger
         WHERE task_id IS NOT NULL AND ${SPEND_REASONS} AND at >= ? AND at < ?
         GROUP BY date ORDER BY date`,
      offsetMinutes * 60,
      fromMs,
      toMs,
    );
  }

  byBatch(fromMs: number, toMs: number, limit: number): Promise<BatchSpend[]> {
    return this.db.all<BatchSpend>(
      `WITH paid AS (
           SELECT task_id, -SUM(credits) AS charged FROM ledger
           WHERE task_id IS NOT NULL AND ${SPEND_REASONS} GROUP BY task_id
         )
         SELECT t.batch_id AS batchId, MIN(t.prompt) AS prompt, MIN(t.created_at) AS createdAt,
           COUNT(*) AS taskCount, SUM(t.status = 'succeeded') AS succeeded,
           SUM(t.price_credits) AS priceCredits, COALESCE(SUM(paid.charged), 0) AS chargedCredits
         FROM tasks t LEFT JOIN paid ON paid.task_id = t.id
         WHERE t.batch_id IS NOT NULL AND t.created_at >= ? AND t.created_at < ?
         GROUP BY t.batch_id ORDER BY createdAt DESC, batchId DESC LIMIT ?`,
      fromMs,
      toMs,
      limit,
    );
  }
}
