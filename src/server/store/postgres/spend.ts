import { LEDGER_REASONS } from '../ledger-store';
import { SPEND_REASONS, type BatchSpend, type DaySpend, type SpendStore } from '../spend-store';
import type { PgDatabase } from './pg-database';

export class PgSpendStore implements SpendStore {
  constructor(private readonly db: PgDatabase) {}

  /* The day of each entry in the viewer's zone: its epoch seconds moved by the offset, read as UTC. */
  byDay(fromMs: number, toMs: number, offsetMinutes: number): Promise<DaySpend[]> {
    return this.db.rows<DaySpend>(
      `SELECT to_char(to_timestamp(at / 1000 + $1::int) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "date",
         -SUM(credits) AS "chargedCredits",
         COUNT(*) FILTER (WHERE reason = '${LEDGER_REASONS.charge}') AS videos
       FROM ledger
       WHERE task_id IS NOT NULL AND ${SPEND_REASONS} AND at >= $2 AND at < $3
       GROUP BY 1 ORDER BY 1`,
      [offsetMinutes * 60, fromMs, toMs],
    );
  }

  byBatch(fromMs: number, toMs: number, limit: number): Promise<BatchSpend[]> {
    return this.db.rows<BatchSpend>(
      `WITH paid AS (
         SELECT task_id, -SUM(credits) AS charged FROM ledger
         WHERE task_id IS NOT NULL AND ${SPEND_REASONS} GROUP BY task_id
       )
       SELECT t.batch_id AS "batchId", MIN(t.prompt) AS prompt, MIN(t.created_at) AS "createdAt",
         COUNT(*) AS "taskCount", COUNT(*) FILTER (WHERE t.status = 'succeeded') AS succeeded,
         SUM(t.price_credits) AS "priceCredits", COALESCE(SUM(paid.charged), 0) AS "chargedCredits"
       FROM tasks t LEFT JOIN paid ON paid.task_id = t.id
       WHERE t.batch_id IS NOT NULL AND t.created_at >= $1 AND t.created_at < $2
       GROUP BY t.batch_id ORDER BY "createdAt" DESC, "batchId" DESC LIMIT $3`,
      [fromMs, toMs, limit],
    );
  }
}
