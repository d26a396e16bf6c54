/**
 * Opens (and migrates) the SQLite store in DATA_DIR: the task database in one file, WAL, so reads
 * never wait for the tracker's writes; API keys and sessions in a file of their own (access.ts).
 */
import path from 'node:path';
import type { Store } from '../store';
import { ACCESS_MIGRATIONS, SqliteAccessStore } from './access';
import { SqliteCallbacksStore } from './callbacks';
import { SqliteHistoryStore } from './history';
import { SqliteIdempotencyStore } from './idempotency';
import { SqliteLeases } from './leases';
import { SqliteLedgerStore } from './ledger';
import { MIGRATIONS } from './migrations';
import { SqliteMontagesStore } from './montages';
import { SqliteRateLimitStore } from './rate-limits';
import { SqliteSettingsStore } from './settings';
import { SqliteSpendStore } from './spend';
import { openSqliteDatabase, type SqliteOptions } from './sqlite-database';
import { SqliteTasksStore } from './tasks';
import { SqliteUploadsStore } from './uploads';

export const DATABASE_FILE = 'hailuo.sqlite';
export const ACCESS_DATABASE_FILE = 'access.sqlite';

/** Only the access file, for the `keys` command: it works while the server runs, and needs no task database. */
export function openSqliteAccessStore(dataDir: string, options: SqliteOptions = {}) {
  const db = openSqliteDatabase(path.join(dataDir, ACCESS_DATABASE_FILE), ACCESS_MIGRATIONS, options);
  return { access: new SqliteAccessStore(db, dataDir), close: async () => db.close() };
}

export function openSqliteStore(dataDir: string, options: SqliteOptions = {}): Store {
  const db = openSqliteDatabase(path.join(dataDir, DATABASE_FILE), MIGRATIONS, options);
  const access = openSqliteAccessStore(dataDir, options);
  return {
    kind: 'sqlite',
    tasks: new SqliteTasksStore(db),
    leases: new SqliteLeases(db),
    history: new SqliteHistoryStore(db),
    uploads: new SqliteUploadsStore(db),
    ledger: new SqliteLedgerStore(db),
    idempotency: new SqliteIdempotencyStore(db),
    callbacks: new SqliteCallbacksStore(db),
    settings: new SqliteSettingsStore(db),
    spend: new SqliteSpendStore(db),
    access: access.access,
    rateLimits: new SqliteRateLimitStore(db),
    montages: new SqliteMontagesStore(db),
    ping: () => db.run(() => void db.prepare('SELECT 1').get()),
    close: async () => {
      db.close();
      await access.close();
    },
  };
}
