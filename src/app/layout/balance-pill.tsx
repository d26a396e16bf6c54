import { useCredits } from '@/lib/api/get-credits';
import { formatCredits } from '@/lib/format-credits';

/*
 * Room kept for the pill before the balance arrives, so the task lookup beside it does not
 * jump: "1,000 credits · simulated" with the local engine, a shorter figure with a real key.
 * The engine is read by CSS from `<html data-engine>` (the server names it), so the
 * prerendered page and the first render in the browser are the same markup.
 */
const PILL_ROOM = 'hidden justify-end sm:flex sm:min-w-56 sm:[html[data-engine=apiinone]_&]:min-w-32';

export function BalancePill() {
  const { data } = useCredits();
  if (!data) return <span className={PILL_ROOM} />;
  return (
    <span className={PILL_ROOM}>
      <span
        className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 tabular-nums dark:bg-slate-800 dark:text-slate-200"
        title={data.simulated ? 'Simulated balance of the local preview engine' : 'Your API in One balance'}
      >
        {`${formatCredits(data.balance)}${data.simulated ? ' · simulated' : ''}`}
      </span>
    </span>
  );
}
