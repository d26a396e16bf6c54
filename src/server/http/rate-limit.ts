/**
 * Per-client token buckets for the expensive routes (submit, upload, sign-in): 429 with
 * Retry-After past the limit. The buckets are in the store, so a client sending to several
 * servers on one database gets the limit once, not once per server.
 */
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { errorBody } from './http-error';
import type { Principal } from '@/server/access/require-access';
import type { BucketRule, RateLimitStore } from '@/server/store/rate-limit-store';

export interface RateLimitOptions extends BucketRule {
  /** What the limited action is called in the message; also names the bucket. */
  what: string;
}

/**
 * A person's pace for one route: `limit` requests a minute per client, in a burst of two thirds
 * of it, then the steady rate. 0 turns the limit off (the tests and benches do).
 */
export function perMinute(store: RateLimitStore, limit: number, what: string): MiddlewareHandler {
  if (limit === 0) return (_c, next) => next();
  return rateLimit(store, { capacity: Math.max(1, Math.round((limit * 2) / 3)), refillPerSecond: limit / 60, what });
}

export function rateLimit(store: RateLimitStore, { what, ...rule }: RateLimitOptions): MiddlewareHandler {
  return async (c, next) => {
    const taken = await store.take(`${what}|${clientKey(c)}`, rule, Date.now());
    if (!taken.allowed) {
      c.header('Retry-After', String(taken.retryAfterS));
      return c.json(errorBody('rate_limited', `Too many ${what} at once. Try again in ${taken.retryAfterS} s.`), 429);
    }
    await next();
  };
}

/**
 * An API key is its own client, wherever it calls from; anyone else is their socket's address
 * (app.request() in tests has none, so those share one bucket).
 */
function clientKey(c: Parameters<MiddlewareHandler>[0]): string {
  const principal: Principal | undefined = c.get('principal');
  if (principal?.kind === 'key') return principal.id;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
