/** Per-client token buckets for the expensive routes (submit, upload): 429 with Retry-After past the limit. */
import type { MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { errorBody } from './http-error';
import type { Principal } from '@/server/access/require-access';

export interface RateLimitOptions {
  /** Requests allowed in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
  /** What the limited action is called in the message. */
  what: string;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

const MAX_TRACKED_CLIENTS = 10_000;

/**
 * A person's pace for one route: `limit` requests a minute per client, in a burst of two thirds
 * of it, then the steady rate. 0 turns the limit off (the tests and benches do).
 */
export function perMinute(limit: number, what: string): MiddlewareHandler {
  if (limit === 0) return (_c, next) => next();
  return rateLimit({ capacity: Math.max(1, Math.round((limit * 2) / 3)), refillPerSecond: limit / 60, what });
}

export function rateLimit({ capacity, refillPerSecond, what }: RateLimitOptions): MiddlewareHandler {
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    const client = clientKey(c);
    const now = Date.now();
    const bucket = buckets.get(client) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * refillPerSecond);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerSecond);
      c.header('Retry-After', String(retryAfter));
      return c.json(errorBody('rate_limited', `Too many ${what} at once. Try again in ${retryAfter} s.`), 429);
    }
    bucket.tokens -= 1;
    // Forget the oldest clients rather than grow without bound.
    buckets.delete(client);
    buckets.set(client, bucket);
    if (buckets.size > MAX_TRACKED_CLIENTS) buckets.delete(buckets.keys().next().value!);
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
