/**
 * What every part of the store contract runs against: a fresh database per test (a temporary
 * DATA_DIR for SQLite, a new schema for PostgreSQL), the store opened on it, and more stores
 * opened on the same database when a test plays several servers.
 */
import { afterEach, beforeEach } from 'vitest';
import type { Store } from '@/server/store/store';

export interface TestDatabase {
  open(): Promise<Store>;
  remove(): Promise<void>;
}

export interface StoreHarness {
  /** The store of this test ("server one"). */
  readonly store: Store;
  /** Another store on the same database: another server. */
  open(): Promise<Store>;
}

export function useStoreHarness(makeDatabase: () => Promise<TestDatabase>): StoreHarness {
  let database: TestDatabase;
  let opened: Store[] = [];
  const harness = {
    store: undefined as unknown as Store,
    async open() {
      const store = await database.open();
      opened.push(store);
      return store;
    },
  };
  beforeEach(async () => {
    database = await makeDatabase();
    harness.store = await harness.open();
  });
  afterEach(async () => {
    for (const store of opened) await store.close();
    opened = [];
    await database.remove();
  });
  return harness;
}

export const event = (status: 'queued' | 'running' | 'succeeded' | 'failed', at = Date.now()) => ({
  at,
  status,
  progress: null,
  source: 'tracker' as const,
  message: null,
});

export const RESULT = {
  videoPath: 'videos/a.mp4',
  posterPath: 'posters/a.jpg',
  width: 1366,
  height: 768,
  durationS: 6,
};
