import type { AccessStore, ApiKeyRecord } from '../access-store';
import { apiKeyRow, toApiKey, type ApiKeyRow } from '../api-key-row';
import { insertSql, SQLITE } from '../sql-dialect';
import { readPepperFile } from './pepper-file';
import type { SqliteDatabase } from './sqlite-database';

/** The access file's own schema (it is opened alone by the `keys` command); same rules as migrations.ts. */
export const ACCESS_MIGRATIONS: readonly string[] = [
  // 1: as the first release made it, before the file had numbered migrations (hence IF NOT EXISTS).
  `
  CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  CREATE TABLE IF NOT EXISTS sessions (
    hash TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
];

export class SqliteAccessStore implements AccessStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly dataDir: string,
  ) {}

  async pepper(): Promise<string> {
    return readPepperFile(this.dataDir);
  }

  async insertKey(key: ApiKeyRecord): Promise<void> {
    const { text, values } = insertSql('api_keys', [apiKeyRow(key)], SQLITE);
    await this.db.write(text, ...values);
  }

  async revokeKey(id: string, at: number): Promise<boolean> {
    return (
      (await this.db.write('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', at, id)) === 1
    );
  }

  async getKey(id: string): Promise<ApiKeyRecord | null> {
    const row = await this.db.get<ApiKeyRow>('SELECT * FROM api_keys WHERE id = ?', id);
    return row ? toApiKey(row) : null;
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return (await this.db.all<ApiKeyRow>('SELECT * FROM api_keys ORDER BY created_at, id')).map(toApiKey);
  }

  async hasActiveKey(): Promise<boolean> {
    return (await this.db.get('SELECT 1 FROM api_keys WHERE revoked_at IS NULL LIMIT 1')) !== undefined;
  }

  insertSession(hash: string, createdAt: number, expiresAt: number): Promise<void> {
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(createdAt);
      this.db
        .prepare('INSERT INTO sessions (hash, created_at, expires_at) VALUES (?, ?, ?)')
        .run(hash, createdAt, expiresAt);
    });
  }

  async sessionExpiresAt(hash: string): Promise<number | null> {
    return (
      (await this.db.get<{ expires_at: number }>('SELECT expires_at FROM sessions WHERE hash = ?', hash))?.expires_at ??
      null
    );
  }

  async removeSession(hash: string): Promise<void> {
    await this.db.write('DELETE FROM sessions WHERE hash = ?', hash);
  }
}
