import type { AccessStore, ApiKeyRecord } from '../access-store';
import { apiKeyRow, toApiKey, type ApiKeyRow } from '../api-key-row';
import { insertSql, POSTGRES } from '../sql-dialect';
import { randomBytes } from 'node:crypto';
import type { PgDatabase } from './pg-database';
import { PgSettingsStore } from './settings';

export class PgAccessStore implements AccessStore {
  constructor(private readonly db: PgDatabase) {}

  /* In the settings table, written once: the first server to start makes it, the rest read it. */
  pepper(): Promise<string> {
    return new PgSettingsStore(this.db).getOrCreate('access_pepper', () => randomBytes(32).toString('base64url'));
  }

  async insertKey(key: ApiKeyRecord): Promise<void> {
    const { text, values } = insertSql('api_keys', [apiKeyRow(key)], POSTGRES);
    await this.db.write(text, values);
  }

  async revokeKey(id: string, at: number): Promise<boolean> {
    return (
      (await this.db.write('UPDATE api_keys SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL', [at, id])) === 1
    );
  }

  async getKey(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.db.row<ApiKeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
    return row ? toApiKey(row) : null;
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return (await this.db.rows<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).map(toApiKey);
  }

  async hasActiveKey(): Promise<boolean> {
    return (await this.db.row('SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1')) !== undefined;
  }

  insertSession(hash: string, createdAt: number, expiresAt: number): Promise<void> {
    return this.db.transaction(async (sql) => {
      await sql.write('DELETE FROM sessions WHERE expires_at <= $1', [createdAt]);
      await sql.write('INSERT INTO sessions (hash, created_at, expires_at) VALUES ($1, $2, $3)', [
        hash,
        createdAt,
        expiresAt,
      ]);
    });
  }

  async sessionExpiresAt(hash: string): Promise<number | null> {
    return (
      (await this.db.row<{ expires_at: number }>('SELECT expires_at FROM sessions WHERE hash = $1', [hash]))
        ?.expires_at ?? null
    );
  }

  async removeSession(hash: string): Promise<void> {
    await this.db.write('DELETE FROM sessions WHERE hash = $1', [hash]);
  }
}
