/** How long a submit's Idempotency-Key answers its retries. */
import type { IdempotencyStore } from '@/server/store/idempotency-store';

/* Keys are promised for 24 h; kept twice that, so a retry that arrives late (or a client clock that is off) still finds its task. */
export const IDEMPOTENCY_KEEP_MS = 48 * 60 * 60_000;

/** Forgets keys older than the keeping time as of `now`; returns how many. */
export function forgetExpiredKeys(store: IdempotencyStore, now: number): Promise<number> {
  return store.purgeBefore(now - IDEMPOTENCY_KEEP_MS);
}
