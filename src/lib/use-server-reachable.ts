import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from './api-client';
import { getHealth } from '@/lib/api/get-health';

export type Reachability = 'ok' | 'down' | 'back';

/* Often enough that the notice clears within seconds of the server's return, rarely enough to be no load. */
export const PROBE_INTERVAL_MS = 3000;
/* How long "connected again" stays before the notice goes away. */
const BACK_NOTICE_MS = 4000;

function isUnreachable(error: unknown): boolean {
  return error instanceof ApiError && error.isNetwork;
}

/**
 * Whether the server answers. Any query that fails for want of a connection (a task poll, the
 * list) marks it down at its first failed attempt; from then a light health probe asks until
 * the server answers, so the state heals by itself even when nothing else is polling, and the
 * page's data is refetched at once instead of at the next poll.
 */
export function useServerReachable(): Reachability {
  const client = useQueryClient();
  const [state, setState] = useState<Reachability>('ok');

  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated') return;
        const { action } = event;
        if ((action.type === 'failed' || action.type === 'error') && isUnreachable(action.error)) setState('down');
      }),
    [client],
  );
  useEffect(
    () =>
      client.getMutationCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'error' && isUnreachable(event.action.error))
          setState('down');
      }),
    [client],
  );

  useEffect(() => {
    if (state !== 'down') return;
    let stopped = false;
    const controller = new AbortController();
    const timer = window.setInterval(() => {
      getHealth(controller.signal).then(
        () => {
          if (stopped) return;
          setState('back');
          void client.invalidateQueries();
        },
        () => undefined, // still down: the next probe asks again
      );
    }, PROBE_INTERVAL_MS);
    return () => {
      stopped = true;
      controller.abort();
      window.clearInterval(timer);
    };
  }, [state, client]);

  useEffect(() => {
    if (state !== 'back') return;
    const timer = window.setTimeout(() => setState('ok'), BACK_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  return state;
}
