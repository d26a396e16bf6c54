import { describe, expect, it } from 'vitest';
import { ledgerRowLabel, ledgerSummary } from './ledger-summary';

const at = '2026-03-10T12:00:00.000Z';

describe('ledgerSummary', () => {
  it('reads a charge as a negative movement and a refund as a positive one', () => {
    const rows = [
      { at, credits: -85, reason: 'charge' },
      { at, credits: 85, reason: 'refund' },
    ];
    expect(ledgerSummary(rows)).toEqual({ charged: 85, refunded: 85, net: 0 });
  });

  it('is all zero for a task that was never charged', () => {
    expect(ledgerSummary([])).toEqual({ charged: 0, refunded: 0, net: 0 });
  });
});

describe('ledgerRowLabel', () => {
  it('says what happened in words', () => {
    expect(ledgerRowLabel({ at, credits: -45, reason: 'charge' })).toBe('Charged 45 credits');
    expect(ledgerRowLabel({ at, credits: 1, reason: 'refund' })).toBe('Refunded 1 credit');
    expect(ledgerRowLabel({ at, credits: 10, reason: 'grant' })).toBe('Credited 10 credits (grant)');
  });
});
