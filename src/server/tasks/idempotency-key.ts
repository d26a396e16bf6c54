/**
 * `Idempotency-Key` for every submit route (one video, a batch): the header read and checked,
 * and the key reserved for this request's body. A retry of the same request is told which task
 * the first one made; the same key with another body, or while the first is still being
 * handled, is refused — so no path makes a second job for one key.
 */
import type { Context } from 'hono';
import { HttpError } from '@/server/http/http-error';
import type { IdempotencyStore } from '@/server/store/idempotency-store';

/* A reservation whose request has not finished in this time belonged to one that died. */
const IN_FLIGHT_STALE_MS = 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function idempotencyKeyOf(c: Context): string | null {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new HttpError(
      400,
      'validation_failed',
      'Idempotency-Key must be 1–255 visible ASCII characters (a UUID is a good choice).',
    );
  }
  return key;
}

/**
 * Reserves `key` for a request whose body hashes to `bodyHash`. Returns the id of the task the
 * first identical request made (answer that again), or null when this request goes ahead.
 */
export async function reserveIdempotencyKey(
  c: Context,
  store: IdempotencyStore,
  key: string,
  bodyHash: string,
): Promise<string | null> {
  const reservation = await store.reserve(key, bodyHash, Date.now(), IN_FLIGHT_STALE_MS);
  if (reservation.state === 'replay') return reservation.taskId;
  if (reservation.state === 'conflict') {
    throw new HttpError(
      422,
      'idempotency_conflict',
      'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
    );
  }
  if (reservation.state === 'in_flight') {
    c.header('Retry-After', '1');
    throw new HttpError(
      409,
      'idempotency_in_flight',
      'A request with this Idempotency-Key is still being processed. Retry with the same key in a moment.',
    );
  }
  return null;
}
