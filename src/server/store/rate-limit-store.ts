/**
 * Token buckets for the rate limits, one row per (limit, client), so a client sending to several
 * servers gets the limit once, not once per server. A take is one atomic statement: read the
 * bucket, refill it for the time passed, take a token if there is one.
 */
export interface BucketRule {
  /** Tokens in a full bucket: the burst allowed. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterS: number };

export interface RateLimitStore {
  take(key: string, rule: BucketRule, now: number): Promise<TakeResult>;
  /** Forgets buckets untouched since `before` (full again by then); returns how many. */
  purgeIdle(before: number): Promise<number>;
}

/** The bucket arithmetic both stores share: what a take leaves and whether it was allowed. */
export function refill(tokens: number, elapsedMs: number, rule: BucketRule): number {
  return Math.min(rule.capacity, tokens + (Math.max(0, elapsedMs) / 1000) * rule.refillPerSecond);
}

export function retryAfterS(tokens: number, rule: BucketRule): number {
  return Math.max(1, Math.ceil((1 - tokens) / rule.refillPerSecond));
}
