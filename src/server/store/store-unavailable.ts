/**
 * The database cannot answer now: another process holds SQLite's write lock past the wait we
 * allow, or PostgreSQL is locked, overloaded or unreachable. Nothing of the failed call was
 * written (each store call is one transaction), so the request can be retried as it was — with
 * the same Idempotency-Key a retried submit cannot make a second task. Answered 503 with
 * Retry-After (app.ts).
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly reason: 'busy' | 'unreachable',
    /** What the driver said, for the log only (never for the client). */
    readonly detail: string,
    readonly retryAfterS = 2,
  ) {
    super(reason === 'busy' ? 'The database is busy.' : 'The database cannot be reached.');
    this.name = 'StoreUnavailableError';
  }
}
