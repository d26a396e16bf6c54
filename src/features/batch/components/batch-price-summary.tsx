import { BalanceFigure, CreditsFigure } from '@/components/price-figures';
import type { Credits } from '@/shared/contract';
import type { Quote } from '@/shared/pricing';

export interface BatchPriceSummaryProps {
  images: number;
  variants: number;
  quote: Quote | null;
  credits: Credits | undefined;
  shortBy: number;
}

/** How many videos the batch makes, what they cost together (the server's prices) and the balance beside it. */
export function BatchPriceSummary({ images, variants, quote, credits, shortBy }: BatchPriceSummaryProps) {
  const videos = images * variants;
  return (
    <div className="flex flex-col gap-2 rounded-xl bg-slate-100 p-3 dark:bg-slate-800/70">
      <p className="text-xs text-slate-700 dark:text-slate-300" data-testid="batch-count">
        {images} {images === 1 ? 'image' : 'images'} × {variants} {variants === 1 ? 'variant' : 'variants'} ={' '}
        <span className="font-semibold">
          {videos} {videos === 1 ? 'video' : 'videos'}
        </span>
      </p>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="text-sm" aria-live="polite" data-testid="batch-price">
          {images === 0 ? (
            <span className="text-slate-600 dark:text-slate-400">Add images to see the total.</span>
          ) : quote?.ok ? (
            <CreditsFigure credits={quote.credits} usd={quote.usd} />
          ) : quote ? (
            <span className="text-amber-800 dark:text-amber-300">{quote.reason}</span>
          ) : (
            <span className="text-slate-600 dark:text-slate-400">Loading prices…</span>
          )}
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="batch-balance">
          {credits ? <BalanceFigure credits={credits} /> : 'Balance loading…'}
        </p>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Each video is charged only when it is ready; a failed one costs nothing.
      </p>
      {shortBy > 0 && credits ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400" data-testid="batch-short">
          Not enough credits: this batch needs {shortBy} more than your balance of {credits.balance}. Take out images or
          variants, or top up your API in One account.
        </p>
      ) : null}
    </div>
  );
}
