import { useHealth } from '../../lib/api/get-health';

/** Says plainly when nothing is real: the local preview engine makes videos here and spends nothing. */
export function EngineBanner() {
  const { data } = useHealth();
  if (!data?.simulated) return null;
  return (
    <div
      className="border-b border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/60"
      data-testid="engine-banner"
    >
      <p className="mx-auto max-w-7xl px-3 py-2 text-sm text-amber-950 sm:px-6 dark:text-amber-100">
        <strong className="font-semibold">Local preview engine — simulated, no credits spent.</strong> Videos are made
        on this machine from your image. To use the real Hailuo 2.3, restart the server with{' '}
        <code className="rounded bg-amber-100 px-1 font-mono text-xs dark:bg-amber-900">APIINONE_API_KEY=aio_…</code>{' '}
        set (see the README).
      </p>
    </div>
  );
}
