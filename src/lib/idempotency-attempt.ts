/**
 * One Idempotency-Key per submit attempt. Sending the same values again before the attempt
 * succeeded (a retry after a lost connection, a double click) reuses the key, so the server
 * makes one task; changed values or a finished attempt get a fresh key, so a deliberate
 * second video is never swallowed.
 */
export class IdempotencyAttempt {
  private current: { key: string; fingerprint: string } | null = null;

  constructor(private readonly newKey: () => string = () => crypto.randomUUID()) {}

  keyFor(values: unknown): string {
    const fingerprint = JSON.stringify(values);
    if (this.current?.fingerprint !== fingerprint) this.current = { key: this.newKey(), fingerprint };
    return this.current.key;
  }

  /** The attempt made its task: the next submit is a new video. */
  complete(): void {
    this.current = null;
  }
}
