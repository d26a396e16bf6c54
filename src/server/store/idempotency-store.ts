/**
 * `Idempotency-Key` bookkeeping. A key is reserved before the task is created and bound to it
 * in the task's own transaction, so a retried submit finds the first task and never makes a second.
 */
export type Reservation =
  { state: 'reserved' } | { state: 'replay'; taskId: string } | { state: 'conflict' } | { state: 'in_flight' };

/** A stored key as both databases keep it. */
export interface IdempotencyKeyRow {
  body_hash: string;
  /** Null while the first request with the key is still in flight. */
  task_id: string | null;
  created_at: number;
}

/**
 * What a reserve answers for a key it found: the first task again, a conflict, or "still in
 * flight" — or `take_over` for a reservation whose request died (the caller renews it and goes ahead).
 */
export function reservationOf(
  row: IdempotencyKeyRow,
  bodyHash: string,
  now: number,
  staleAfterMs: number,
): Exclude<Reservation, { state: 'reserved' }> | 'take_over' {
  if (row.body_hash !== bodyHash) return { state: 'conflict' };
  if (row.task_id) return { state: 'replay', taskId: row.task_id };
  return now - row.created_at < staleAfterMs ? { state: 'in_flight' } : 'take_over';
}

export interface IdempotencyStore {
  /**
   * Reserves `key` for a body with `bodyHash`. A reservation still unbound after `staleAfterMs`
   * belonged to a request that died, and is taken over.
   */
  reserve(key: string, bodyHash: string, now: number, staleAfterMs: number): Promise<Reservation>;
  /** Drops an unbound reservation after a refused request, so the key can be used again. */
  release(key: string): Promise<void>;
  /** Forgets keys created before `cutoff`; returns how many. */
  purgeBefore(cutoff: number): Promise<number>;
}
