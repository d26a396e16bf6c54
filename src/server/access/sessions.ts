/**
 * Dashboard sessions: a random token in an HttpOnly cookie, stored only as a keyed hash with an
 * expiry, so signing out (or a leaked database) never leaves a usable token behind.
 */
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { keyedHash } from './keyed-hash';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60_000;
const PURPOSE = 'session';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class Sessions {
  constructor(
    private readonly db: Database.Database,
    private readonly pepper: Buffer,
  ) {}

  create(now = Date.now()): { token: string; expiresAt: number } {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + SESSION_TTL_MS;
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    this.db
      .prepare('INSERT INTO sessions (hash, created_at, expires_at) VALUES (?, ?, ?)')
      .run(keyedHash(this.pepper, PURPOSE, token), now, expiresAt);
    return { token, expiresAt };
  }

  /*
   * Found by its hash: an attacker cannot choose a hash's bytes, so the index lookup reveals
   * nothing a timing attack could use.
   */
  isValid(token: string, now = Date.now()): boolean {
    if (!TOKEN_PATTERN.test(token)) return false;
    const row = this.db
      .prepare('SELECT expires_at FROM sessions WHERE hash = ?')
      .get(keyedHash(this.pepper, PURPOSE, token)) as { expires_at: number } | undefined;
    return row !== undefined && row.expires_at > now;
  }

  remove(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE hash = ?').run(keyedHash(this.pepper, PURPOSE, token));
  }
}
