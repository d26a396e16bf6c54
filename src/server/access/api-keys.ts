/**
 * API keys the server issues: `aio_<id>_<secret>`, shown once when made, stored only as a keyed
 * hash. The id in the key finds its row; the hash is then compared in constant time, so neither
 * the lookup nor the comparison tells a caller which part of a wrong key was wrong.
 */
import { randomBytes } from 'node:crypto';
import type { AccessStore, ApiKeyRecord } from '@/server/store/access-store';
import { keyedHash, sameDigest } from './keyed-hash';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const KEY_PATTERN = /^aio_([0-9a-z]{16})_([A-Za-z0-9_-]{43})$/;
const PURPOSE = 'api-key';
/* Compared against when the key has no row, so a missing id costs the same as a wrong secret. */
const NO_MATCH = '0'.repeat(64);

export type ApiKeyInfo = Omit<ApiKeyRecord, 'hash'>;

function randomId(): string {
  let out = '';
  for (const byte of randomBytes(16)) out += ALPHABET[byte % 32];
  return out;
}

const toInfo = ({ hash: _hash, ...info }: ApiKeyRecord): ApiKeyInfo => info;

export class ApiKeys {
  constructor(
    private readonly store: AccessStore,
    private readonly pepper: Buffer,
  ) {}

  /** Makes a key; the returned `key` is the only time the secret exists outside the caller. */
  async create(name: string, now = Date.now()): Promise<{ key: string; info: ApiKeyInfo }> {
    const label = name.trim();
    if (!label || label.length > 100) throw new Error('Give the key a name of 1 to 100 characters.');
    const idPart = randomId();
    const key = `aio_${idPart}_${randomBytes(32).toString('base64url')}`;
    const record: ApiKeyRecord = {
      id: `key_${idPart}`,
      name: label,
      hash: keyedHash(this.pepper, PURPOSE, key),
      createdAt: now,
      revokedAt: null,
    };
    await this.store.insertKey(record);
    return { key, info: toInfo(record) };
  }

  /** True when a key with this id was active and is now revoked. */
  revoke(id: string, now = Date.now()): Promise<boolean> {
    return this.store.revokeKey(id.startsWith('key_') ? id : `key_${id}`, now);
  }

  async list(): Promise<ApiKeyInfo[]> {
    return (await this.store.listKeys()).map(toInfo);
  }

  hasActive(): Promise<boolean> {
    return this.store.hasActiveKey();
  }

  /** The id of the active key `key` is, or null. */
  async verify(key: string): Promise<string | null> {
    const match = KEY_PATTERN.exec(key);
    const record = match ? await this.store.getKey(`key_${match[1]}`) : null;
    const same = sameDigest(keyedHash(this.pepper, PURPOSE, key), record?.hash ?? NO_MATCH);
    return record && same && record.revokedAt === null ? record.id : null;
  }
}
