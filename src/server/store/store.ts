/**
 * Everything the server keeps, behind small interfaces with two implementations: SQLite in
 * DATA_DIR (the embedded default, one server) and PostgreSQL (`DATABASE_URL`, any number of
 * servers answering any request). open-store.ts picks one from the configuration.
 *
 * Every call is one transaction: it happens whole or not at all. A call the database cannot
 * answer in time rejects with StoreUnavailableError (the request is answered 503, Retry-After).
 */
import type { AccessStore } from './access-store';
import type { CallbacksStore } from './callbacks-store';
import type { FleetWakes } from './fleet-wakes';
import type { HistoryStore } from './history-store';
import type { IdempotencyStore } from './idempotency-store';
import type { LedgerStore } from './ledger-store';
import type { MontagesStore } from './montages-store';
import type { RateLimitStore } from './rate-limit-store';
import type { SettingsStore } from './settings-store';
import type { SpendStore } from './spend-store';
import type { TaskLeases } from './task-leases';
import type { TasksStore } from './tasks-store';
import type { UploadsStore } from './uploads-store';

export interface Store {
  /** `sqlite` or `postgres`, for the health check and the logs. */
  kind: 'sqlite' | 'postgres';
  tasks: TasksStore;
  leases: TaskLeases;
  history: HistoryStore;
  uploads: UploadsStore;
  ledger: LedgerStore;
  idempotency: IdempotencyStore;
  callbacks: CallbacksStore;
  settings: SettingsStore;
  spend: SpendStore;
  access: AccessStore;
  rateLimits: RateLimitStore;
  montages: MontagesStore;
  /** How servers sharing this store wake each other; absent where one server is all there is (SQLite). */
  wakes?: FleetWakes;
  /** One trivial query: the database answers (the health check times it). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
