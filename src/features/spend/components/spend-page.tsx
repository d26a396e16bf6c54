import { useId, useState, type ReactNode } from 'react';
import { Button, buttonClasses } from '@/components/button';
import { PageHeading } from '@/components/page-heading';
import { Spinner } from '@/components/spinner';
import { useCredits } from '@/lib/api/get-credits';
import { creditsToUsd } from '@/shared/pricing';
import { formatCredits, formatUsd } from '@/lib/format-credits';
import { zipDownloadUrl } from '@/lib/zip-download-url';
import type { Spend } from '@/shared/batch-contract';
import { useSpend } from '@/features/spend/api/get-spend';

const WINDOWS = [7, 30, 90] as const;
const CARD = 'rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800';

function dayLabel(date: string): string {
  // A calendar day, not an instant: read it at local midnight so it never shifts by a day.
  return new Date(`${date}T00:00:00`).toLocaleDateString(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  });
}

function SpendByDay({ spend }: { spend: Spend }) {
  const days = spend.by_day.filter((day) => day.charged_credits !== 0).reverse();
  const most = Math.max(1, ...days.map((day) => day.charged_credits));
  if (!days.length)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">Nothing was charged in the last {spend.days} days.</p>
    );
  return (
    <table className="w-full text-sm" data-testid="spend-by-day">
      <thead className="text-left text-xs text-slate-600 dark:text-slate-400">
        <tr>
          <th className="py-1 pr-3 font-medium">Day</th>
          <th className="py-1 pr-3 text-right font-medium">Videos</th>
          <th className="w-1/2 py-1 font-medium">Credits</th>
        </tr>
      </thead>
      <tbody>
        {days.map((day) => (
          <tr key={day.date} className="border-t border-slate-100 dark:border-slate-800">
            <td className="py-1.5 pr-3 whitespace-nowrap">{dayLabel(day.date)}</td>
            <td className="py-1.5 pr-3 text-right tabular-nums">{day.videos}</td>
            <td className="py-1.5">
              <div className="flex items-center gap-2">
                <div
                  className="h-2 rounded-full bg-brand-500"
                  style={{ width: `${Math.max(2, (day.charged_credits / most) * 100)}%` }}
                  aria-hidden="true"
                />
                <span className="shrink-0 tabular-nums">{day.charged_credits}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SpendByBatch({ spend }: { spend: Spend }) {
  if (!spend.by_batch.length)
    return <p className="text-sm text-slate-600 dark:text-slate-400">No batches in the last {spend.days} days.</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800" data-testid="spend-by-batch">
      {spend.by_batch.map((batch) => (
        <li key={batch.batch_id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
          <div className="flex min-w-0 flex-1 basis-60 flex-col">
            <span className="truncate font-medium" title={batch.prompt}>
              {batch.prompt}
            </span>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {new Date(batch.created_at).toLocaleString()} · {batch.succeeded} of {batch.task_count} ready
            </span>
          </div>
          <span className="tabular-nums">
            <span className="font-semibold">{formatCredits(batch.charged_credits)}</span>
            <span className="text-xs text-slate-600 dark:text-slate-400"> of {batch.total_price_credits}</span>
          </span>
          {batch.succeeded ? (
            <a href={zipDownloadUrl({ batchId: batch.batch_id })} download className={buttonClasses('secondary', 'sm')}>
              ZIP
            </a>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function SpendSection({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    // min-w-0: a grid item may be narrower than its longest line (prompts are truncated instead).
    <section className={`${CARD} min-w-0`} aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** `/spend`: what finished videos cost, per day and per batch, from the server's ledger. */
export function SpendPage() {
  const [days, setDays] = useState<number>(30);
  const spend = useSpend(days);
  const credits = useCredits();
  return (
    <div className="flex flex-col gap-4">
      <PageHeading
        title="Spend"
        description="Credits charged for finished videos. A failed video costs nothing."
        align="end"
      >
        <div role="group" aria-label="Period" className="flex gap-1">
          {WINDOWS.map((window) => (
            <Button
              key={window}
              size="sm"
              variant={window === days ? 'primary' : 'secondary'}
              aria-pressed={window === days}
              onClick={() => setDays(window)}
            >
              {window} days
            </Button>
          ))}
        </div>
      </PageHeading>
      {spend.isPending ? (
        <p className="flex items-center gap-2 text-sm" role="status">
          <Spinner /> Loading…
        </p>
      ) : spend.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {spend.error.message}{' '}
          <Button size="sm" onClick={() => void spend.refetch()}>
            Try again
          </Button>
        </p>
      ) : (
        <>
          <div className={`${CARD} flex flex-wrap items-baseline gap-x-6 gap-y-1`} data-testid="spend-total">
            <p>
              <span className="text-3xl font-semibold tabular-nums">{spend.data.total_charged_credits}</span> credits in{' '}
              {spend.data.days} days{' '}
              <span className="text-sm text-slate-600 dark:text-slate-400">
                {formatUsd(creditsToUsd(spend.data.total_charged_credits))}
              </span>
            </p>
            {credits.data ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Balance {formatCredits(credits.data.balance)}
                {credits.data.simulated ? ' (simulated)' : ''}
              </p>
            ) : null}
          </div>
          <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
            <SpendSection title="Per day">
              <SpendByDay spend={spend.data} />
            </SpendSection>
            <SpendSection title="Per batch">
              <SpendByBatch spend={spend.data} />
            </SpendSection>
          </div>
        </>
      )}
    </div>
  );
}
