/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set (several servers
 * can share it), else SQLite in DATA_DIR (the embedded default: no database server needed).
 */
import type { Config } from '@/server/config/config';
import { openPostgresAccessStore, openPostgresStore } from './postgres/open-postgres-store';
import { openSqliteAccessStore, openSqliteStore } from './sqlite/open-sqlite-store';
import type { AccessStore } from './access-store';
import type { Store } from './store';

type StoreConfig = Pick<Config, 'dataDir' | 'database'>;

export function openStore(config: StoreConfig): Promise<Store> {
  const { url, poolSize } = config.database;
  return url ? openPostgresStore(url, { poolSize }) : Promise.resolve(openSqliteStore(config.dataDir));
}

/**
 * API keys and sessions alone, for the `keys` command. On SQLite it may wait longer for a lock
 * than the server does: a person at a terminal can wait a few seconds, a web request should not.
 */
export function openAccessStore(config: StoreConfig): Promise<{ access: AccessStore; close(): Promise<void> }> {
  return config.database.url
    ? openPostgresAccessStore(config.database.url)
    : Promise.resolve(openSqliteAccessStore(config.dataDir, { busyWaitMs: 10_000 }));
}
