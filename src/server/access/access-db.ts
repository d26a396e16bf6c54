/**
 * API keys and dashboard sessions live in their own SQLite file beside the task database, so
 * the `keys` command can open them without touching the tasks, and a copy of the task data
 * carries no credentials.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export const ACCESS_DATABASE_FILE = 'access.sqlite';

export function openAccessDb(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, ACCESS_DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`
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
  `);
  return db;
}
