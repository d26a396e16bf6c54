/** When to try an HTTP call again, and how long to wait first (the API in One client, callbacks, the tracker). */

/* Rate limiting and gateway faults pass; other 4xx will not change by asking again. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * `Retry-After` as milliseconds: delta-seconds (`"3"`, also `"1.5"`) or an HTTP-date;
 * `null` when absent or unreadable. A date in the past means "now".
 */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number.parseFloat(text) * 1000);
  // Only a real HTTP-date: Date.parse accepts bare numbers and other loose text.
  if (!/^[A-Za-z]{3,9},? /.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export interface BackoffOptions {
  /** 0 for the wait after the first failed attempt. */
  retry: number;
  baseMs: number;
  capMs: number;
  retryAfterMs: number | null;
  random: () => number;
}

/*
 * Full jitter (a random wait between 0 and the exponential bound) spreads the retries of many
 * tasks that failed together, instead of bringing them back as one wave. A `Retry-After` is
 * honoured as a minimum, but no wait is longer than the cap: the tracker polls again later
 * anyway, and a submit must not hang for minutes.
 */
export function retryDelayMs({ retry, baseMs, capMs, retryAfterMs, random }: BackoffOptions): number {
  const bound = Math.min(capMs, baseMs * 2 ** retry);
  const jittered = Math.floor(random() * bound);
  return Math.min(capMs, Math.max(retryAfterMs ?? 0, jittered));
}
