/**
 * API keys the server issues: `aio_<id>_<secret>`, shown once when made, stored only as a keyed
 * hash. The id in the key finds its row; the hash is then compared in constant time, so neither
 * the lookup nor the comparison tells a caller which part of a wrong key was wrong.
 */
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { keyedHash, sameDigest } from './keyed-hash';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const KEY_PATTERN = /^aio_([0-9a-z]{16})_([A-Za-z0-9_-]{43})$/;
const PURPOSE = 'api-key';
/* Compared against when the key has no row, so a missing id costs the same as a wrong secret. */
const NO_MATCH = '0'.repeat(64);

export interface ApiKeyInfo {
  id: string;
  name: string;
  createdAt: number;
  revokedAt: number | null;
}

interface KeyRow {
  id: string;
  name: string;
  hash: string;
  created_at: number;
  revoked_at: number | null;
}

function randomId(): string {
  let out = '';
  for (const byte of randomBytes(16)) out += ALPHABET[byte % 32];
  return out;
}

const toInfo = (row: KeyRow): ApiKeyInfo => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

export class ApiKeys {
  constructor(
    private readonly db: Database.Database,
    private readonly pepper: Buffer,
  ) {}

  /** Makes a key; the returned `key` is the only time the secret exists outside the caller. */
  create(name: string, now = Date.now()): { key: string; info: ApiKeyInfo } {
    const label = name.trim();
    if (!label || label.length > 100) throw new Error('Give the key a name of 1 to 100 characters.');
    const idPart = randomId();
    const key = `aio_${idPart}_${randomBytes(32).toString('base64url')}`;
    const row: KeyRow = {
      id: `key_${idPart}`,
      name: label,
      hash: keyedHash(this.pepper, PURPOSE, key),
      created_at: now,
      revoked_at: null,
    };
    this.db
      .prepare('INSERT INTO api_keys (id, name, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)')
      .run(row.id, row.name, row.hash, row.created_at, row.revoked_at);
    return { key, info: toInfo(row) };
  }

  /** True when a key with this id was active and is now revoked. */
  revoke(id: string, now = Date.now()): boolean {
    const key = id.startsWith('key_') ? id : `key_${id}`;
    return (
      this.db.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, key)
        .changes === 1
    );
  }

  list(): ApiKeyInfo[] {
    return (this.db.prepare('SELECT * FROM api_keys ORDER BY created_at').all() as KeyRow[]).map(toInfo);
  }

  hasActive(): boolean {
    return this.db.prepare('SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1').get() !== undefined;
  }

  /** The id of the active key `key` is, or null. */
  verify(key: string): string | null {
    const match = KEY_PATTERN.exec(key);
    const row = match
      ? (this.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(`key_${match[1]}`) as KeyRow | undefined)
      : undefined;
    const same = sameDigest(keyedHash(this.pepper, PURPOSE, key), row?.hash ?? NO_MATCH);
    return row && same && row.revoked_at === null ? row.id : null;
  }
}
