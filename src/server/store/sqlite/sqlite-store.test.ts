/**
 * The SQLite store: the shared contract (tests/support/store-contract.ts), and what is SQLite's
 * own — WAL and migrations, the query plans, the restart rule for leftovers, and a lock held by
 * another process met with asynchronous retries and then a clear "unavailable", never a stall.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../new-id';
import type { Store } from '../store';
import { StoreUnavailableError } from '../store-unavailable';
import { MIGRATIONS } from './migrations';
import { DATABASE_FILE, openSqliteStore } from './open-sqlite-store';
import { newMontage } from '../../../../tests/support/new-montage';
import { newTask } from '../../../../tests/support/new-task';
import { holdSqliteWriteLock } from '../../../../tests/support/database-lock-holder';
import { describeStoreContract } from '../../../../tests/support/store-contract';

describeStoreContract('SQLite', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-store-'));
  return {
    open: async () => openSqliteStore(dataDir),
    remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
});

describe('SQLite store', () => {
  let dataDir: string;
  let store: Store;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-store-'));
    store = openSqliteStore(dataDir);
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // Changed on purpose: the schema is at its second migration (leases, rate limits), not its first.
  it('runs in WAL mode with every migration applied, and reopens without re-running them', async () => {
    await store.close();
    store = openSqliteStore(dataDir);
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.length).toBe(7);
    db.close();
  });

  it('ids sort by creation time as plain text', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => newId('tsk', t));
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^tsk_[0-9a-z]{26}$/);
  });

  it('answers the list and its counts from indexes, not by sorting the table', () => {
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan('SELECT * FROM tasks ORDER BY created_at DESC, id DESC LIMIT 24')).toContain('tasks_by_created');
    expect(plan("SELECT * FROM tasks WHERE status IN ('failed') ORDER BY created_at DESC, id DESC LIMIT 24")).toContain(
      'tasks_by_status',
    );
    expect(plan("SELECT * FROM tasks WHERE status IN ('queued', 'running') AND next_poll_at <= 5")).toMatch(
      /^SEARCH tasks USING INDEX/,
    );
    expect(plan('SELECT * FROM tasks ORDER BY created_at DESC, id DESC LIMIT 24')).not.toContain('TEMP B-TREE');
    db.close();
  });

  it('at a start, hands out every task the stopped process left unfinished at once, marked interrupted', async () => {
    const [waiting, working] = [newTask(), newTask()];
    await store.tasks.createMany([waiting, working], { checkCredits: false });
    const now = Date.now();
    await store.tasks.update(waiting.id, { nextPollAt: now + 60_000 });
    await store.leases.claimDue(now, 5, { owner: 'srv_gone', until: now + 30_000 });
    await store.leases.join('srv_new', now);
    const claimed = await store.leases.claimDue(now, 5, { owner: 'srv_new', until: now + 30_000 });
    expect(claimed.map((c) => [c.task.id, c.interrupted]).sort()).toEqual(
      [
        [waiting.id, true],
        [working.id, true],
      ].sort(),
    );
  });

  it('at a start, frees the montage the stopped process was rendering, and leaves its own alone', async () => {
    const [left, mine] = [newId('mon'), newId('mon')];
    const now = Date.now();
    await store.montages.create(newMontage({ id: left, createdAt: now }));
    await store.montages.claim('srv_gone', now, now + 60_000, 1);
    await store.montages.create(newMontage({ id: mine, createdAt: now + 1 }));
    await store.montages.claim('srv_new', now, now + 60_000, 1);
    await store.leases.join('srv_new', now);
    expect((await store.montages.claim('srv_new', now + 1, now + 60_000, 5)).map((m) => m.id)).toEqual([left]);
  });

  it('waits for another process’s write lock without blocking, then says the database is busy; writes once it is free', async () => {
    const task = await store.tasks.create(newTask(), { checkCredits: false });
    const holder = await holdSqliteWriteLock(path.join(dataDir, DATABASE_FILE));
    try {
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 10);
      const started = Date.now();
      const write = store.tasks.update(task.id, { progress: 50 });
      // Reads go on meanwhile (WAL), and so does the event loop.
      expect((await store.tasks.get(task.id))?.progress).toBe(0);
      const error = await write.then(
        () => null,
        (e: unknown) => e,
      );
      clearInterval(ticker);
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(waited).toBeGreaterThanOrEqual(1500);
      expect(waited).toBeLessThan(4000);
      // A blocked loop would have ticked a handful of times at most.
      expect(ticks).toBeGreaterThan(waited / 10 / 4);
    } finally {
      await holder.release();
    }
    expect(await store.tasks.update(task.id, { progress: 50 })).toBe(true);
    expect((await store.tasks.get(task.id))?.progress).toBe(50);
  });

  it('a write waiting on a lock goes through as soon as the other process lets go', async () => {
    const task = await store.tasks.create(newTask(), { checkCredits: false });
    const holder = await holdSqliteWriteLock(path.join(dataDir, DATABASE_FILE));
    const write = store.tasks.update(task.id, { progress: 70 });
    await new Promise((r) => setTimeout(r, 300));
    await holder.release();
    expect(await write).toBe(true);
  });
});
