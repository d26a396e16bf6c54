/** Opens (and migrates) the SQLite store in DATA_DIR: one file, WAL, so reads never wait for the tracker's writes. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store';
import { SqliteCallbacksStore } from './callbacks';
import { SqliteHistoryStore } from './history';
import { SqliteIdempotencyStore } from './idempotency';
import { SqliteLedgerStore } from './ledger';
import { migrate } from './migrate';
import { SqliteSettingsStore } from './settings';
import { SqliteSpendStore } from './spend';
import { StatementCache } from './statement-cache';
import { SqliteTasksStore } from './tasks';
import { SqliteUploadsStore } from './uploads';

export const DATABASE_FILE = 'hailuo.sqlite';

export function openSqliteStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  const statements = new StatementCache(db);
  return {
    tasks: new SqliteTasksStore(db, statements),
    history: new SqliteHistoryStore(statements),
    uploads: new SqliteUploadsStore(statements),
    ledger: new SqliteLedgerStore(statements),
    idempotency: new SqliteIdempotencyStore(db, statements),
    callbacks: new SqliteCallbacksStore(statements),
    settings: new SqliteSettingsStore(db, statements),
    spend: new SqliteSpendStore(statements),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
