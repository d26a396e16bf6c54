import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../new-id';
import type { Store } from '../store';
import { InsufficientCreditsError } from '../tasks-store';
import { DATABASE_FILE, openSqliteStore } from './open-sqlite-store';
import { newTask } from '../../../../tests/support/new-task';

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

const event = (status: 'succeeded' | 'failed') => ({
  at: Date.now(),
  status,
  progress: null,
  source: 'tracker' as const,
  message: null,
});
const result = { videoPath: 'videos/a.mp4', posterPath: 'posters/a.jpg', width: 1366, height: 768, durationS: 6 };

describe('SQLite store', () => {
  it('runs in WAL mode with every migration applied, and reopens without re-running them', async () => {
    await store.close();
    store = openSqliteStore(dataDir);
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('ids sort by creation time as plain text', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => newId('tsk', t));
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^tsk_[0-9a-z]{26}$/);
  });

  it('charges a succeeded task exactly once, and a failed one never', async () => {
    await store.ledger.grantOnce('grant:local-start', 1000, Date.now());
    await store.ledger.grantOnce('grant:local-start', 1000, Date.now());
    const ok = await store.tasks.create(newTask(), { checkCredits: true });
    const bad = await store.tasks.create(newTask({ priceCredits: 45 }), { checkCredits: true });
    expect(await store.tasks.finish(ok.id, { status: 'succeeded', result }, event('succeeded'), Date.now())).toBe(true);
    expect(await store.tasks.finish(ok.id, { status: 'succeeded', result }, event('succeeded'), Date.now())).toBe(
      false,
    );
    const error = { code: 'engine_failed', message: 'no' };
    expect(await store.tasks.finish(bad.id, { status: 'failed', error }, event('failed'), Date.now())).toBe(true);
    expect(await store.tasks.finish(ok.id, { status: 'failed', error }, event('failed'), Date.now())).toBe(false);

    expect(await store.ledger.summary()).toEqual({ balance: 970, spent: 30, refunded: 0 });
    expect((await store.tasks.get(ok.id))?.chargedCredits).toBe(30);
    expect((await store.tasks.get(bad.id))?.chargedCredits).toBe(0);
    expect(await store.ledger.entriesForTask(bad.id)).toEqual([]);
  });

  it('refuses a task the balance less unfinished tasks cannot pay for, and stores nothing', async () => {
    await store.ledger.grantOnce('grant:local-start', 60, Date.now());
    await store.tasks.create(newTask({ priceCredits: 45 }), { checkCredits: true });
    await expect(store.tasks.create(newTask({ priceCredits: 30 }), { checkCredits: true })).rejects.toBeInstanceOf(
      InsufficientCreditsError,
    );
    expect(await store.tasks.unfinishedIds()).toHaveLength(1);
  });

  it('reserves an idempotency key, binds it to the task, and answers replays, conflicts and in-flight', async () => {
    const now = Date.now();
    expect(await store.idempotency.reserve('k1', 'h1', now, 60_000)).toEqual({ state: 'reserved' });
    expect(await store.idempotency.reserve('k1', 'h1', now, 60_000)).toEqual({ state: 'in_flight' });
    expect(await store.idempotency.reserve('k1', 'h2', now, 60_000)).toEqual({ state: 'conflict' });
    const task = await store.tasks.create(newTask({ idempotencyKey: 'k1' }), { checkCredits: false });
    expect(await store.idempotency.reserve('k1', 'h1', now, 60_000)).toEqual({ state: 'replay', taskId: task.id });
    // A reservation whose request died is taken over once stale.
    expect(await store.idempotency.reserve('k2', 'h', now - 120_000, 60_000)).toEqual({ state: 'reserved' });
    expect(await store.idempotency.reserve('k2', 'h', now, 60_000)).toEqual({ state: 'reserved' });
    expect(await store.idempotency.purgeBefore(now + 1)).toBe(2);
  });

  it('lists newest first with a (created_at, id) cursor, and counts per status without the status filter', async () => {
    const base = 1_750_000_000_000;
    for (let i = 0; i < 30; i++) {
      const t = await store.tasks.create(newTask({ createdAt: base + Math.floor(i / 3), prompt: `clip ${i}` }), {
        checkCredits: false,
      });
      if (i % 3 === 0) await store.tasks.finish(t.id, { status: 'succeeded', result }, event('succeeded'), base);
    }
    const seen: string[] = [];
    let before: { createdAt: number; id: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const items = await store.tasks.list({ limit: 7, before });
      seen.push(...items.map((t) => t.id));
      if (items.length < 7) break;
      const last = items[items.length - 1]!;
      before = { createdAt: last.createdAt, id: last.id };
    }
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect([...seen].sort().reverse()).toEqual(seen);

    const counts = await store.tasks.countByStatus({ q: 'clip' });
    expect(counts).toEqual({ queued: 20, running: 0, succeeded: 10, failed: 0, canceled: 0 });
    // "clip 2" is in clips 2 and 20–29; of those 21, 24 and 27 succeeded.
    expect(await store.tasks.list({ statuses: ['succeeded'], q: 'clip 2', limit: 50 })).toHaveLength(3);
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
});
