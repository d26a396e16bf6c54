import { LEDGER_REASONS, type LedgerEntry, type LedgerStore, type LedgerSummary } from '../ledger-store';
import type { PgDatabase } from './pg-database';

export class PgLedgerStore implements LedgerStore {
  constructor(private readonly db: PgDatabase) {}

  async grantOnce(entryKey: string, credits: number, at: number): Promise<void> {
    await this.db.write(
      `INSERT INTO ledger (entry_key, at, credits, reason, task_id) VALUES ($1, $2, $3, $4, NULL)
       ON CONFLICT (entry_key) DO NOTHING`,
      [entryKey, at, credits, LEDGER_REASONS.grant],
    );
  }

  async summary(): Promise<LedgerSummary> {
    const summary = await this.db.row<LedgerSummary>(
      `SELECT COALESCE(SUM(credits), 0) AS balance,
         COALESCE(-SUM(CASE WHEN reason = $1 THEN credits END), 0) AS spent,
         COALESCE(SUM(CASE WHEN reason = $2 THEN credits END), 0) AS refunded
       FROM ledger`,
      [LEDGER_REASONS.charge, LEDGER_REASONS.refund],
    );
    return summary!;
  }

  async entriesForTask(taskId: string): Promise<LedgerEntry[]> {
    const rows = await this.db.rows<{ at: number; credits: number; reason: string; task_id: string | null }>(
      'SELECT at, credits, reason, task_id FROM ledger WHERE task_id = $1 ORDER BY id',
      [taskId],
    );
    return rows.map((row) => ({ at: row.at, credits: row.credits, reason: row.reason, taskId: row.task_id }));
  }
}
