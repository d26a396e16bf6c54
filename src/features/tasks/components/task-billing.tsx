import { formatCredits, formatUsd } from '@/lib/format-credits';
import type { Task, TaskHistory } from '@/shared/contract';
import { USD_PER_CREDIT } from '@/shared/limits';
import { isFinalStatus } from '@/shared/status';
import { ledgerRowLabel, ledgerSummary } from '@/features/tasks/lib/ledger-summary';
import { DateTime } from './date-time';

/** Why nothing was taken, in the words support would use on the phone. */
function nothingChargedReason(task: Task): string {
  // We do not know what the engine did, so we charge nothing — but must not say it billed nothing.
  if (task.attention) {
    const where = task.upstream_task_id
      ? `upstream task ${task.upstream_task_id}`
      : 'a Hailuo task made when this one was created';
    return `Nothing charged here. API in One may have billed this video: check ${where} in the API in One console.`;
  }
  if (task.status === 'failed') return 'Nothing charged: failed tasks are never billed.';
  if (task.status === 'canceled') return 'Nothing charged: canceled tasks are never billed.';
  if (!isFinalStatus(task.status)) return 'Not charged yet: a task is billed only when its video is ready.';
  return 'Nothing charged.';
}

/** The price quoted at submit, and what the ledger says was charged or refunded. */
export function TaskBilling({ task, ledger }: { task: Task; ledger: TaskHistory['ledger'] | undefined }) {
  const summary = ledgerSummary(ledger ?? []);
  const charged = ledger ? summary.net : task.charged_credits;
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid="task-billing">
      <dl className="grid grid-cols-2 gap-3">
        <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60">
          <dt className="text-slate-600 dark:text-slate-400">Price quoted</dt>
          <dd className="text-lg font-semibold tabular-nums">{formatCredits(task.price_credits)}</dd>
          <dd className="text-slate-600 dark:text-slate-400">{formatUsd(task.price_credits * USD_PER_CREDIT)}</dd>
        </div>
        <div className="rounded-xl bg-slate-50 p-3 dark:bg-slate-800/60">
          <dt className="text-slate-600 dark:text-slate-400">Charged in the end</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid="charged-credits">
            {formatCredits(charged)}
          </dd>
          <dd className="text-slate-600 dark:text-slate-400">{formatUsd(charged * USD_PER_CREDIT)}</dd>
        </div>
      </dl>
      {ledger && ledger.length > 0 ? (
        <ul className="flex flex-col gap-1" aria-label="Ledger entries">
          {ledger.map((row, index) => (
            <li key={index} className="flex flex-wrap justify-between gap-x-3">
              <span>{ledgerRowLabel(row)}</span>
              <span className="text-slate-600 dark:text-slate-400">
                <DateTime iso={row.at} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700 dark:text-slate-300" data-testid="nothing-charged">
          {ledger ? nothingChargedReason(task) : 'Loading the ledger…'}
        </p>
      )}
    </div>
  );
}
