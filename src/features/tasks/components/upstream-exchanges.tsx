import type { Task, UpstreamExchange } from '@/shared/contract';
import { exchangeOutcome } from '@/features/tasks/lib/exchange-outcome';
import { DateTime } from './date-time';

function prettyJson(body: unknown): string {
  if (body === null || body === undefined) return '(no body)';
  if (typeof body === 'string') return body;
  return JSON.stringify(body, null, 2);
}

function Exchange({ exchange, engine }: { exchange: UpstreamExchange; engine: Task['engine'] }) {
  return (
    <details className="group rounded-xl ring-1 ring-slate-200 dark:ring-slate-700" data-testid="upstream-exchange">
      <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 rounded-xl px-3 py-2 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500 dark:hover:bg-slate-800">
        <span className="font-medium">{exchange.operation}</span>
        <span className="tabular-nums">{exchangeOutcome(exchange, engine)}</span>
        <span className="text-slate-600 dark:text-slate-400">
          <DateTime iso={exchange.at} />
        </span>
        {exchange.error ? <span className="text-red-700 dark:text-red-300">{exchange.error}</span> : null}
      </summary>
      <pre className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed whitespace-pre dark:border-slate-700 dark:bg-slate-950">
        <code>{prettyJson(exchange.body)}</code>
      </pre>
    </details>
  );
}

/** Every request to and answer from the upstream, as stored (the server removed secrets before storing). */
export function UpstreamExchanges({ exchanges, engine }: { exchanges: UpstreamExchange[]; engine: Task['engine'] }) {
  if (!exchanges.length) {
    return (
      <p className="text-sm text-slate-700 dark:text-slate-300">
        No exchanges with the upstream were recorded for this task.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Keys and tokens were removed by the server before these were stored.
      </p>
      {exchanges.map((exchange, index) => (
        <Exchange key={index} exchange={exchange} engine={engine} />
      ))}
    </div>
  );
}
