import { formatCredits, formatUsd } from '@/lib/format-credits';
import type { Credits } from '@/shared/contract';

/** "90 credits ≈ $0.90", the number large: a price the server's catalogue quoted. */
export function CreditsFigure({ credits, usd }: { credits: number; usd: number }) {
  return (
    <>
      <span className="text-2xl font-semibold tabular-nums">{credits}</span>{' '}
      <span className="font-medium">credits</span>{' '}
      <span className="text-slate-600 dark:text-slate-400">{formatUsd(usd)}</span>
    </>
  );
}

/** "Balance 1,000 credits (simulated)". */
export function BalanceFigure({ credits }: { credits: Credits }) {
  return (
    <>
      Balance{' '}
      <span className="font-semibold text-slate-900 tabular-nums dark:text-slate-100">
        {formatCredits(credits.balance)}
      </span>
      {credits.simulated ? ' (simulated)' : ''}
    </>
  );
}
