import { useState, useSyncExternalStore } from 'react';
import { useLocation } from 'wouter';
import { Icon } from '@/components/icons';
import { engineOfPage, useHealth } from '@/lib/api/get-health';
import { readStored, writeStored } from '@/lib/stored-value';
import { useHydrated } from '@/lib/use-hydrated';
import { PAGE_WIDTH } from './page-width';

/* public/theme-init.js reads the same key before the first paint (data-banner-dismissed). */
const DISMISSED_KEY = 'hailuo-engine-banner-dismissed';
const unchanging = () => () => {};

/**
 * Says plainly when nothing is real: the local preview engine makes videos here and spends
 * nothing. One line; how to switch to the real engine opens on demand. Dismissed once, it stays
 * away (the balance still says "simulated"); at phone width it shows on the creator page only,
 * where it matters, rather than above every page.
 */
export function EngineBanner() {
  const { data } = useHealth();
  const [pathname] = useLocation();
  // While React takes over the prerendered page, engine and dismissal are unknown: the banner is
  // then in the markup and CSS shows it by `<html data-engine>` and `data-banner-dismissed`, so
  // the build's HTML and the first render agree.
  const hydrated = useHydrated();
  const pageEngine = useSyncExternalStore(unchanging, engineOfPage, () => undefined);
  const [dismissedNow, setDismissed] = useState(false);
  const dismissed = dismissedNow || (hydrated && readStored(DISMISSED_KEY) === '1');
  const known = data ? data.simulated : pageEngine === undefined ? null : pageEngine === 'local';
  if (dismissed || known === false) return null;
  const dismiss = () => {
    writeStored(DISMISSED_KEY, '1');
    setDismissed(true);
  };
  return (
    <div
      className={`border-b border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/60 ${pathname === '/' ? '' : 'max-sm:hidden'} ${known === null || !hydrated ? 'hidden [html[data-engine=local]:not([data-banner-dismissed])_&]:block' : ''}`}
      data-testid="engine-banner"
      role="region"
      aria-label="About the local preview engine"
    >
      <div
        className={`${PAGE_WIDTH} flex items-start gap-2 px-3 py-1.5 text-sm text-amber-950 sm:px-6 dark:text-amber-100`}
      >
        <details className="group min-w-0 flex-1 py-0.5">
          <summary className="cursor-pointer rounded marker:text-amber-700 focus-visible:outline-2 focus-visible:outline-brand-500 dark:marker:text-amber-300">
            <strong className="font-semibold">Local preview engine — simulated, no credits spent.</strong>{' '}
            <span className="underline decoration-amber-400 underline-offset-2 group-open:hidden">
              How to use the real Hailuo 2.3
            </span>
          </summary>
          <p className="mt-1">
            Videos are made on this machine from your image: camera motion over your still. For the real Hailuo 2.3,
            restart the server with your API in One key:{' '}
            <code className="rounded bg-amber-100 px-1 font-mono text-xs wrap-anywhere dark:bg-amber-900">
              APIINONE_API_KEY=aio_… npm start
            </code>{' '}
            (README: “Switching to the real API in One”).
          </p>
        </details>
        <button
          type="button"
          onClick={dismiss}
          aria-label="Dismiss the notice about the local engine"
          title="Dismiss"
          className="-my-0.5 shrink-0 rounded-lg p-1.5 text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-amber-100 dark:hover:bg-amber-900"
        >
          <Icon name="close" />
        </button>
      </div>
    </div>
  );
}
