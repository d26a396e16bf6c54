/**
 * Who may use the server, as stored: API keys and dashboard sessions, each kept only as a keyed
 * hash (`access/` makes and checks the hashes; this stores rows). With SQLite they live in their
 * own file (`access.sqlite`), so the `keys` command opens them without the task database and a
 * copy of the task data carries no credentials; with PostgreSQL in the shared database, so every
 * server knows every key and session.
 */
export interface ApiKeyRecord {
  id: string;
  name: string;
  hash: string;
  createdAt: number;
  revokedAt: number | null;
}

export interface AccessStore {
  /**
   * The secret mixed into every stored hash when AUTH_PEPPER is not set, made once and kept:
   * with SQLite in `DATA_DIR/access-pepper` beside the access file (not in it, so a copy of the
   * file alone cannot be used to check guesses); with PostgreSQL in the database, so every server
   * hashes alike (set AUTH_PEPPER there to keep it out of the database's backups).
   */
  pepper(): Promise<string>;
  insertKey(key: ApiKeyRecord): Promise<void>;
  /** True when the key was active and is now revoked. */
  revokeKey(id: string, at: number): Promise<boolean>;
  getKey(id: string): Promise<ApiKeyRecord | null>;
  /** Oldest first. */
  listKeys(): Promise<ApiKeyRecord[]>;
  hasActiveKey(): Promise<boolean>;
  /** Stores a session by its hash, and forgets the sessions that expired by `createdAt`. */
  insertSession(hash: string, createdAt: number, expiresAt: number): Promise<void>;
  /** When the session expires, or null when there is none with this hash. */
  sessionExpiresAt(hash: string): Promise<number | null>;
  removeSession(hash: string): Promise<void>;
}
