/**
 * The dashboard password (DASHBOARD_PASSWORD), checked with scrypt under a per-process salt and
 * compared in constant time: slow enough to blunt guessing (with the sign-in rate limit), and
 * the plain password is not kept after start.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;

export class DashboardPassword {
  private readonly salt = randomBytes(16);
  private readonly expected: Buffer;

  constructor(password: string) {
    this.expected = scryptSync(password, this.salt, KEY_LENGTH);
  }

  async matches(attempt: string): Promise<boolean> {
    const derived = await new Promise<Buffer>((resolve, reject) =>
      scrypt(attempt, this.salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key))),
    );
    return timingSafeEqual(derived, this.expected);
  }
}
