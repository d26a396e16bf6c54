/** The api_keys table's row (the same columns in SQLite and PostgreSQL) and its mapping to an ApiKeyRecord. */
import type { ApiKeyRecord } from './access-store';

export interface ApiKeyRow {
  id: string;
  name: string;
  hash: string;
  created_at: number;
  revoked_at: number | null;
}

export const apiKeyRow = (key: ApiKeyRecord): ApiKeyRow => ({
  id: key.id,
  name: key.name,
  hash: key.hash,
  created_at: key.createdAt,
  revoked_at: key.revokedAt,
});

export const toApiKey = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  hash: row.hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
