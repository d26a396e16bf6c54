import { BalanceFigure, CreditsFigure } from '@/components/price-figures';
import type { Credits } from '@/shared/contract';
import type { Quote } from '@/shared/pricing';

export interface PriceSummaryProps {
  quote: Quote | null;
  catalogueError: string | null;
  credits: Credits | undefined;
  creditsError: boolean;
  shortBy: number;
}

/** The price of the current choice, the balance beside it, and a warning before it is too late. */
export function PriceSummary({ quote, catalogueError, credits, creditsError, shortBy }: PriceSummaryProps) {
  return (
    <div className="flex flex-col gap-2 rounded-xl bg-slate-100 p-3 dark:bg-slate-800/70">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="text-sm" aria-live="polite" data-testid="price">
          {quote?.ok ? (
            <CreditsFigure credits={quote.credits} usd={quote.usd} />
          ) : quote ? (
            <span className="text-amber-800 dark:text-amber-300">{quote.reason}</span>
          ) : (
            <span className="text-slate-600 dark:text-slate-400">{catalogueError ?? 'Loading prices…'}</span>
          )}
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="balance">
          {credits ? (
            <BalanceFigure credits={credits} />
          ) : creditsError ? (
            'Balance unavailable right now'
          ) : (
            'Balance loading…'
          )}
        </p>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Charged only when the video is ready. A failed task costs nothing.
      </p>
      {shortBy > 0 && credits ? (
        <p
          role="alert"
          className="text-sm font-medium text-red-700 dark:text-red-400"
          data-testid="insufficient-credits"
        >
          Not enough credits: this needs {shortBy} more than your balance of {credits.balance}. Choose a shorter or
          lower-resolution video, or top up your API in One account.
        </p>
      ) : null}
    </div>
  );
}
