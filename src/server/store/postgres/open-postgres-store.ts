/**
 * Opens (and migrates) the store on PostgreSQL (`DATABASE_URL`): every table in one database,
 * shared by every server that points at it.
 */
import type { Store } from '../store';
import { PgAccessStore } from './access';
import { PgCallbacksStore } from './callbacks';
import { PgHistoryStore } from './history';
import { PgIdempotencyStore } from './idempotency';
import { PgLeases } from './leases';
import { PgLedgerStore } from './ledger';
import { migratePostgres } from './migrate';
import { PG_MIGRATIONS } from './migrations';
import { PgMontagesStore } from './montages';
import { createPool, PgDatabase, type PgOptions } from './pg-database';
import { PgPresence } from './presence';
import { PgRateLimitStore } from './rate-limits';
import { PgSettingsStore } from './settings';
import { PgSpendStore } from './spend';
import { PgTasksStore } from './tasks';
import { PgUploadsStore } from './uploads';
import { PgWakeChannel } from './wake-channel';

async function openDatabase(url: string, options: PgOptions): Promise<PgDatabase> {
  const pool = createPool(url, options);
  try {
    await migratePostgres(pool, PG_MIGRATIONS);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PgDatabase(pool);
}

/** Only API keys and sessions, for the `keys` command (one connection). */
export async function openPostgresAccessStore(url: string) {
  const db = await openDatabase(url, { poolSize: 1 });
  return { access: new PgAccessStore(db), close: () => db.close() };
}

export async function openPostgresStore(url: string, options: PgOptions = {}): Promise<Store> {
  const db = await openDatabase(url, options);
  const presence = new PgPresence(url);
  const wakes = new PgWakeChannel(url, db);
  return {
    kind: 'postgres',
    tasks: new PgTasksStore(db),
    leases: new PgLeases(db, presence),
    history: new PgHistoryStore(db),
    uploads: new PgUploadsStore(db),
    ledger: new PgLedgerStore(db),
    idempotency: new PgIdempotencyStore(db),
    callbacks: new PgCallbacksStore(db),
    settings: new PgSettingsStore(db),
    spend: new PgSpendStore(db),
    access: new PgAccessStore(db),
    rateLimits: new PgRateLimitStore(db),
    montages: new PgMontagesStore(db),
    wakes,
    ping: async () => void (await db.row('SELECT 1')),
    close: async () => {
      await wakes.close();
      await presence.close();
      await db.close();
    },
  };
}
