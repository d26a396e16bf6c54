import { retryDelayMs } from '@/server/net/retry-policy';

/**
 * How long the tracker waits after `failures` failed calls in a row for one task: full jitter,
 * 2 s doubling to a minute, never less than the upstream's Retry-After.
 */
export function failureBackoffMs(failures: number, retryAfterMs: number | null, random = Math.random): number {
  const wait = retryDelayMs({ retry: Math.max(0, failures - 1), baseMs: 2000, capMs: 60_000, retryAfterMs, random });
  return Math.max(wait, 250);
}
