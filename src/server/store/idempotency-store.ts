/**
 * `Idempotency-Key` bookkeeping. A key is reserved before the task is created and bound to it
 * in the task's own transaction, so a retried submit finds the first task and never makes a second.
 */
export type Reservation =
  { state: 'reserved' } | { state: 'replay'; taskId: string } | { state: 'conflict' } | { state: 'in_flight' };

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
