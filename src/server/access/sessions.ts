/**
 * Dashboard sessions: a random token in an HttpOnly cookie, stored only as a keyed hash with an
 * expiry, so signing out (or a leaked database) never leaves a usable token behind.
 */
import { randomBytes } from 'node:crypto';
import type { AccessStore } from '@/server/store/access-store';
import { keyedHash } from './keyed-hash';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60_000;
const PURPOSE = 'session';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class Sessions {
  constructor(
    private readonly store: AccessStore,
    private readonly pepper: Buffer,
  ) {}

  async create(now = Date.now()): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_TTL_MS;
    await this.store.insertSession(keyedHash(this.pepper, PURPOSE, token), now, expiresAt);
    return { token, expiresAt };
  }

  /*
   * Found by its hash: an attacker cannot choose a hash's bytes, so the index lookup reveals
   * nothing a timing attack could use.
   */
  async isValid(token: string, now = Date.now()): Promise<boolean> {
    if (!TOKEN_PATTERN.test(token)) return false;
    const expiresAt = await this.store.sessionExpiresAt(keyedHash(this.pepper, PURPOSE, token));
    return expiresAt !== null && expiresAt > now;
  }

  remove(token: string): Promise<void> {
    return this.store.removeSession(keyedHash(this.pepper, PURPOSE, token));
  }
}
