import { LEDGER_REASONS, type LedgerEntry, type LedgerStore, type LedgerSummary } from '../ledger-store';
import type { SqliteDatabase } from './sqlite-database';

export class SqliteLedgerStore implements LedgerStore {
  constructor(private readonly db: SqliteDatabase) {}

  async grantOnce(entryKey: string, credits: number, at: number): Promise<void> {
    await this.db.write(
      'INSERT OR IGNORE INTO ledger (entry_key, at, credits, reason, task_id) VALUES (?, ?, ?, ?, NULL)',
      entryKey,
      at,
      credits,
      LEDGER_REASONS.grant,
    );
  }

  async summary(): Promise<LedgerSummary> {
    const summary = await this.db.get<LedgerSummary>(
      `SELECT COALESCE(SUM(credits), 0) AS balance,
         COALESCE(-SUM(CASE WHEN reason = ? THEN credits END), 0) AS spent,
         COALESCE(SUM(CASE WHEN reason = ? THEN credits END), 0) AS refunded
       FROM ledger`,
      LEDGER_REASONS.charge,
      LEDGER_REASONS.refund,
    );
    return summary!;
  }

  async entriesForTask(taskId: string): Promise<LedgerEntry[]> {
    const rows = await this.db.all<{ at: number; credits: number; reason: string; task_id: string | null }>(
      'SELECT at, credits, reason, task_id FROM ledger WHERE task_id = ? ORDER BY id',
      taskId,
    );
    return rows.map((row) => ({ at: row.at, credits: row.credits, reason: row.reason, taskId: row.task_id }));
  }
}
