import { Spinner } from '@/components/spinner';
import { useServerReachable } from '@/lib/use-server-reachable';

/**
 * "Cannot reach the server — retrying": shown under the header (so it stays in view while
 * scrolling) from the first failed request until the server answers again. The live region is
 * always mounted, so a screen reader hears both the loss and the return, once each.
 */
export function ConnectionNotice() {
  const state = useServerReachable();
  return (
    <div role="status" aria-live="polite" data-testid="connection-notice" data-state={state}>
      {state === 'down' ? (
        <p className="border-t border-red-200 bg-red-50 px-3 py-2 text-center text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
          <Spinner className="mr-2 inline size-4 align-[-3px]" />
          <strong className="font-semibold">Cannot reach the server — retrying.</strong> Your videos are safe; this
          clears by itself when it is back. Running the server yourself? Check that <code>npm start</code> is still
          running.
        </p>
      ) : state === 'back' ? (
        <p className="border-t border-emerald-200 bg-emerald-50 px-3 py-2 text-center text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
          Connected to the server again.
        </p>
      ) : null}
    </div>
  );
}
