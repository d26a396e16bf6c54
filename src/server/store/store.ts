/** Everything the server keeps, behind small interfaces so another database can replace SQLite. */
import type { CallbacksStore } from './callbacks-store';
import type { HistoryStore } from './history-store';
import type { IdempotencyStore } from './idempotency-store';
import type { LedgerStore } from './ledger-store';
import type { SettingsStore } from './settings-store';
import type { SpendStore } from './spend-store';
import type { TasksStore } from './tasks-store';
import type { UploadsStore } from './uploads-store';

export interface Store {
  tasks: TasksStore;
  history: HistoryStore;
  uploads: UploadsStore;
  ledger: LedgerStore;
  idempotency: IdempotencyStore;
  callbacks: CallbacksStore;
  settings: SettingsStore;
  spend: SpendStore;
  close(): Promise<void>;
}
