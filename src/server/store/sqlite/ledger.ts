import { LEDGER_REASONS, type LedgerEntry, type LedgerStore, type LedgerSummary } from '../ledger-store';
import type { StatementCache } from './statement-cache';

export class SqliteLedgerStore implements LedgerStore {
  constructor(private readonly statements: StatementCache) {}

  async grantOnce(entryKey: string, credits: number, at: number): Promise<void> {
    this.statements
      .get('INSERT OR IGNORE INTO ledger (entry_key, at, credits, reason, task_id) VALUES (?, ?, ?, ?, NULL)')
      .run(entryKey, at, credits, LEDGER_REASONS.grant);
  }

  async summary(): Promise<LedgerSummary> {
    return this.statements
      .get(
        `SELECT COALESCE(SUM(credits), 0) AS balance,
           COALESCE(-SUM(CASE WHEN reason = ? THEN credits END), 0) AS spent,
           COALESCE(SUM(CASE WHEN reason = ? THEN credits END), 0) AS refunded
         FROM ledger`,
      )
      .get(LEDGER_REASONS.charge, LEDGER_REASONS.refund) as LedgerSummary;
  }

  async entriesForTask(taskId: string): Promise<LedgerEntry[]> {
    const rows = this.statements
      .get('SELECT at, credits, reason, task_id FROM ledger WHERE task_id = ? ORDER BY id')
      .all(taskId) as { at: number; credits: number; reason: string; task_id: string | null }[];
    return rows.map((row) => ({ at: row.at, credits: row.credits, reason: row.reason, taskId: row.task_id }));
  }
}
