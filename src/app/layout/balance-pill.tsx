import { useCredits } from '../../lib/api/get-credits';

export function BalancePill() {
  const { data } = useCredits();
  if (!data) return null;
  return (
    <span
      className="hidden items-center gap-1 rounded-full bg-slate-100 px-2.5 py-1 text-xs font-medium text-slate-700 tabular-nums sm:inline-flex dark:bg-slate-800 dark:text-slate-200"
      title={data.simulated ? 'Simulated balance of the local preview engine' : 'Your API in One balance'}
    >
      {data.balance.toLocaleString('en-US')} credits{data.simulated ? ' · simulated' : ''}
    </span>
  );
}
