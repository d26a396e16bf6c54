/**
 * The PostgreSQL store on Debian's PostgreSQL 15, a throwaway cluster the test run starts
 * (tests/support/postgres-global-setup.ts): the shared contract, each test in a schema of its
 * own, and what is PostgreSQL's own — migrations run once when servers start together, a table
 * locked by another session and an exhausted pool answered as "unavailable" within a bound.
 */
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store';
import { StoreUnavailableError } from '../store-unavailable';
import { PG_MIGRATIONS } from './migrations';
import { openPostgresStore } from './open-postgres-store';
import { newMontage } from '../../../../tests/support/new-montage';
import { newTask } from '../../../../tests/support/new-task';
import { event, RESULT } from '../../../../tests/support/store-contract/harness';
import { describeStoreContract } from '../../../../tests/support/store-contract';
import { freshSchema } from '../../../../tests/support/test-database';
import { waitUntil } from '../../../../tests/support/wait-until';

describeStoreContract('PostgreSQL', async () => {
  const schema = await freshSchema();
  return { open: () => openPostgresStore(schema.url, { poolSize: 4 }), remove: schema.drop };
});

describe('PostgreSQL store', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  const opened: Store[] = [];
  const open = async (options?: Parameters<typeof openPostgresStore>[1]) => {
    const store = await openPostgresStore(schema.url, options);
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    schema = await freshSchema();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await schema.drop();
  });

  it('migrates once when several servers start at the same moment', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    const client = new pg.Client(schema.url);
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r: { version: number }) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await client.end();
    }
    await stores[0]!.tasks.create(newTask(), { checkCredits: false });
    expect(await stores[2]!.tasks.unfinishedIds()).toHaveLength(1);
  });

  it('folds the tally’s log once it grows, while two servers write, and counts the same before and after', async () => {
    const [one, two] = await Promise.all([open(), open()]);
    const admin = new pg.Client(schema.url);
    await admin.connect();
    const logRows = async () => Number((await admin.query('SELECT COUNT(*) AS n FROM task_tallies')).rows[0].n);
    try {
      const make = (n: number) =>
        one.tasks.createMany(
          Array.from({ length: n }, (_, i) => newTask({ mode: i % 2 ? 'pro' : 'standard' })),
          { checkCredits: false },
        );
      const end = (tasks: { id: string }[]) =>
        tasks.map((task, i) =>
          (i % 2 ? two : one).tasks.finish(
            task.id,
            { status: 'succeeded', result: RESULT },
            event('succeeded'),
            Date.now(),
          ),
        );
      // Written, with nobody reading: the log holds a row per change.
      await Promise.all(end(await make(400)));
      expect(await logRows()).toBeGreaterThan(800);
      const counted = { counts: { queued: 0, running: 0, succeeded: 400, failed: 0, canceled: 0 }, capped: false };
      expect(await one.tasks.countByStatus({})).toEqual(counted);
      await waitUntil('the log is folded', async () => (await logRows()) <= 4);
      expect(await two.tasks.countByStatus({})).toEqual(counted);
      // Two servers writing while both read, each read free to fold: every change counted once.
      const more = await make(400);
      await Promise.all([
        ...end(more),
        ...Array.from({ length: 30 }, (_, i) => (i % 2 ? two : one).tasks.countByStatus({})),
      ]);
      expect(await one.tasks.countByStatus({})).toEqual({ ...counted, counts: { ...counted.counts, succeeded: 800 } });
      expect((await two.tasks.countByStatus({ mode: 'pro' })).counts.succeeded).toBe(400);
    } finally {
      await admin.end();
    }
  });

  it('hands a montage on the moment the server rendering it is gone, not when its lease runs out', async () => {
    const [live, dying] = await Promise.all([open(), open()]);
    await live.leases.join('srv_live', Date.now());
    await dying.leases.join('srv_dying', Date.now());
    const { id } = newMontage();
    await live.montages.create(newMontage({ id }));
    const now = Date.now();
    expect((await dying.montages.claim('srv_dying', now, now + 60_000, 1)).map((m) => m.id)).toEqual([id]);
    expect(await live.montages.claim('srv_live', now + 1000, now + 61_000, 1)).toEqual([]);
    // Its session ends (a SIGKILL ends it the same way).
    await dying.close();
    const taken = await live.montages.claim('srv_live', now + 1000, now + 61_000, 1);
    expect(taken.map((m) => [m.id, m.status])).toEqual([[id, 'running']]);
  });

  it('keeps a prompt with a NUL (as U+FFFD: PostgreSQL text cannot hold U+0000)', async () => {
    const store = await open();
    const task = await store.tasks.create(newTask({ prompt: 'a\u0000b' }), { checkCredits: false });
    expect(task.prompt).toBe('a\uFFFDb');
  });

  it('leaves a live server’s tasks alone when another starts, and takes them over the moment it is gone', async () => {
    const live = await open();
    await live.leases.join('srv_live', Date.now());
    const task = await live.tasks.create(newTask(), { checkCredits: false });
    const now = Date.now();
    const [held] = await live.leases.claimDue(now, 1, { owner: 'srv_live', until: now + 30_000 });
    const starting = await open();
    await starting.leases.join('srv_new', now);
    expect(await starting.leases.claimDue(now + 1000, 1, { owner: 'srv_new', until: now + 60_000 })).toEqual([]);
    // Its session ends (a crash ends it the same way): its lease is an orphan long before it runs out.
    await live.close();
    const [taken] = await starting.leases.claimDue(now + 1000, 1, { owner: 'srv_new', until: now + 60_000 });
    expect(taken).toMatchObject({ task: { id: task.id }, interrupted: true });
    expect(await starting.tasks.update(task.id, { progress: 1 }, undefined, held!.lease)).toBe(false);
  });

  it('a server whose presence connection is cut takes its presence back, and its leases are safe again', async () => {
    const store = await open();
    await store.leases.join('srv_cut', Date.now());
    const admin = new pg.Client(schema.url);
    await admin.connect();
    try {
      const presence = `SELECT pid FROM pg_stat_activity WHERE application_name = 'hailuo-studio presence'
        AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext('srv_cut')::oid)`;
      const [first] = (await admin.query<{ pid: number }>(presence)).rows;
      await admin.query('SELECT pg_terminate_backend($1)', [first!.pid]);
      await waitUntil('the presence lock to be taken again', async () => {
        const rows = (await admin.query<{ pid: number }>(presence)).rows;
        return rows.length === 1 && rows[0]!.pid !== first!.pid;
      });
    } finally {
      await admin.end();
    }
    await store.tasks.create(newTask(), { checkCredits: false });
    const now = Date.now();
    await store.leases.claimDue(now, 1, { owner: 'srv_cut', until: now + 30_000 });
    const other = await open();
    expect(await other.leases.claimDue(now + 1000, 1, { owner: 'srv_other', until: now + 60_000 })).toEqual([]);
  });

  it('answers "unavailable" within its lock timeout while another session holds the table, and writes once free', async () => {
    const store = await open({ lockTimeoutMs: 500 });
    const task = await store.tasks.create(newTask(), { checkCredits: false });
    const locker = new pg.Client(schema.url);
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const error = await store.tasks.update(task.id, { progress: 50 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).reason).toBe('busy');
      expect(Date.now() - started).toBeLessThan(3000);
      await locker.query('ROLLBACK');
    } finally {
      await locker.end();
    }
    expect(await store.tasks.update(task.id, { progress: 50 })).toBe(true);
  });

  it('answers "unavailable" when every connection is taken for longer than the connect timeout', async () => {
    const store = await open({ poolSize: 1, connectTimeoutMs: 300, lockTimeoutMs: 5000 });
    const task = await store.tasks.create(newTask(), { checkCredits: false });
    const locker = new pg.Client(schema.url);
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM tasks WHERE id = $1 FOR UPDATE', [task.id]);
      // The one connection waits on the row; the next call finds no free connection.
      const waiting = store.tasks.update(task.id, { progress: 10 });
      const error = await store.tasks.get(task.id).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      await locker.query('ROLLBACK');
      expect(await waiting).toBe(true);
    } finally {
      await locker.end();
    }
  });

  it('says the database cannot be reached when nothing listens there', async () => {
    const error = await openPostgresStore('postgres://postgres@127.0.0.1:1/none', { connectTimeoutMs: 500 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).reason).toBe('unreachable');
  });
});
