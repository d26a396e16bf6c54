/** The api_keys table's row (the same columns in SQLite and PostgreSQL) and its mapping to an ApiKeyRecord. */
import type { ApiKeyRecord } from './access-store';

export interface ApiKeyRow {
  id: string;
  name: string;
  hash: string;
  created_at: number;
  revoked_at: number | null;
}

export const toApiKey = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  hash: row.hash,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});
