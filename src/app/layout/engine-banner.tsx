import { useSyncExternalStore } from 'react';
import { engineOfPage, useHealth } from '@/lib/api/get-health';
import { PAGE_WIDTH } from './page-width';

const unchanging = () => () => {};

/** Says plainly when nothing is real: the local preview engine makes videos here and spends nothing. */
export function EngineBanner() {
  const { data } = useHealth();
  // Undefined while React takes over the prerendered page: the banner is then in the markup and
  // CSS shows it by `<html data-engine>`, so the build's HTML and the first render agree.
  const pageEngine = useSyncExternalStore(unchanging, engineOfPage, () => undefined);
  const known = data ? data.simulated : pageEngine === undefined ? null : pageEngine === 'local';
  if (known === false) return null;
  return (
    <div
      className={`border-b border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/60 ${known === null ? 'hidden [html[data-engine=local]_&]:block' : ''}`}
      data-testid="engine-banner"
    >
      <p className={`${PAGE_WIDTH} px-3 py-2 text-sm text-amber-950 sm:px-6 dark:text-amber-100`}>
        <strong className="font-semibold">Local preview engine — simulated, no credits spent.</strong>{' '}
        <span className="max-sm:hidden">Videos are made on this machine from your image. </span>For the real Hailuo 2.3,
        restart with your API in One key:{' '}
        <code className="rounded bg-amber-100 px-1 font-mono text-xs wrap-anywhere dark:bg-amber-900">
          APIINONE_API_KEY=aio_… npm start
        </code>{' '}
        (README: “Switching to the real API in One”).
      </p>
    </div>
  );
}
