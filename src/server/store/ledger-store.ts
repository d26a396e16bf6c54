/** Credits as a ledger: every movement is a row, the balance is their sum, nothing is edited. */
export interface LedgerEntry {
  at: number;
  credits: number;
  reason: string;
  taskId: string | null;
}

export interface LedgerSummary {
  balance: number;
  /** Credits charged for succeeded tasks (a positive number). */
  spent: number;
  refunded: number;
}

/** Reasons written by the server; the charge is written by `TasksStore.finish`. */
export const LEDGER_REASONS = { grant: 'grant', charge: 'charge', refund: 'refund' } as const;

export interface LedgerStore {
  /** Adds an entry once per `entryKey` (e.g. the local engine's starting balance). */
  grantOnce(entryKey: string, credits: number, at: number): Promise<void>;
  summary(): Promise<LedgerSummary>;
  entriesForTask(taskId: string): Promise<LedgerEntry[]>;
}
