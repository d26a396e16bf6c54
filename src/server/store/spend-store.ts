/** What was spent, read from the ledger (the one truth about credits): per day and per batch. */
import { LEDGER_REASONS } from './ledger-store';

/** The ledger rows that are spending, as SQL (both databases): charges are negative, refunds positive, spend is minus their sum. */
export const SPEND_REASONS = `reason IN ('${LEDGER_REASONS.charge}', '${LEDGER_REASONS.refund}')`;

export interface DaySpend {
  /** `YYYY-MM-DD` in the viewer's time zone. */
  date: string;
  /** Net credits charged that day (charges less refunds). */
  chargedCredits: number;
  /** Videos charged that day. */
  videos: number;
}

export interface BatchSpend {
  batchId: string;
  prompt: string;
  createdAt: number;
  taskCount: number;
  succeeded: number;
  priceCredits: number;
  chargedCredits: number;
}

export interface SpendStore {
  /** Days in [fromMs, toMs) that had a charge or refund; `offsetMinutes` east of UTC sets midnight. */
  byDay(fromMs: number, toMs: number, offsetMinutes: number): Promise<DaySpend[]>;
  /** Batches created in [fromMs, toMs), newest first, with what their tasks were charged. */
  byBatch(fromMs: number, toMs: number, limit: number): Promise<BatchSpend[]>;
}
