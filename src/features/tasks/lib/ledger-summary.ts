/**
 * What a task cost, read from its ledger rows. A charge is stored as a negative movement of
 * credits and a refund as a positive one; a failed task has no charge at all.
 */
import { formatCredits } from '@/lib/format-credits';
import type { TaskHistory } from '@/shared/contract';

export type LedgerRow = TaskHistory['ledger'][number];

export interface LedgerSummary {
  charged: number;
  refunded: number;
  /** Credits the task cost in the end (charged less refunded). */
  net: number;
}

export function ledgerSummary(rows: readonly LedgerRow[]): LedgerSummary {
  let charged = 0;
  let refunded = 0;
  for (const row of rows) {
    if (row.credits < 0) charged += -row.credits;
    else refunded += row.credits;
  }
  return { charged, refunded, net: charged - refunded };
}

/** One ledger row in words: "Charged 85 credits", "Refunded 45 credits". */
export function ledgerRowLabel(row: LedgerRow): string {
  const amount = formatCredits(Math.abs(row.credits));
  if (row.reason === 'charge') return `Charged ${amount}`;
  if (row.reason === 'refund') return `Refunded ${amount}`;
  return `${row.credits < 0 ? 'Debited' : 'Credited'} ${amount} (${row.reason})`;
}
