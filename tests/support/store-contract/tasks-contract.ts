/** Tasks: created whole or not at all, charged once, listed newest first, searched, counted. */
import { describe, expect, it } from 'vitest';
import { InsufficientCreditsError } from '@/server/store/tasks-store';
import { newTask } from '../new-task';
import { event, RESULT, type StoreHarness } from './harness';

export function tasksContract(h: StoreHarness) {
  describe('tasks', () => {
    it('charges a succeeded task exactly once, and a failed one never', async () => {
      const { store } = h;
      await store.ledger.grantOnce('grant:local-start', 1000, Date.now());
      await store.ledger.grantOnce('grant:local-start', 1000, Date.now());
      const ok = await store.tasks.create(newTask(), { checkCredits: true });
      const bad = await store.tasks.create(newTask({ priceCredits: 45 }), { checkCredits: true });
      const done = { status: 'succeeded' as const, result: RESULT };
      expect(await store.tasks.finish(ok.id, done, event('succeeded'), Date.now())).toBe(true);
      expect(await store.tasks.finish(ok.id, done, event('succeeded'), Date.now())).toBe(false);
      const error = { code: 'engine_failed', message: 'no' };
      expect(await store.tasks.finish(bad.id, { status: 'failed', error }, event('failed'), Date.now())).toBe(true);
      expect(await store.tasks.finish(ok.id, { status: 'failed', error }, event('failed'), Date.now())).toBe(false);

      expect(await store.ledger.summary()).toEqual({ balance: 970, spent: 30, refunded: 0 });
      expect((await store.tasks.get(ok.id))?.chargedCredits).toBe(30);
      expect((await store.tasks.get(bad.id))?.chargedCredits).toBe(0);
      expect(await store.ledger.entriesForTask(bad.id)).toEqual([]);
      expect(await store.ledger.entriesForTask(ok.id)).toEqual([
        { at: expect.any(Number), credits: -30, reason: 'charge', taskId: ok.id },
      ]);
    });

    it('reads back every field with its type: numbers as numbers, nulls as nulls', async () => {
      const created = await h.store.tasks.create(
        newTask({ createdAt: 1_750_000_000_123, callbackUrl: 'https://x.test/cb' }),
        {
          checkCredits: false,
        },
      );
      expect(created).toMatchObject({
        status: 'queued',
        createdAt: 1_750_000_000_123,
        updatedAt: 1_750_000_000_123,
        nextPollAt: 1_750_000_000_123,
        progress: 0,
        attempts: 0,
        chargedCredits: 0,
        upstreamTaskId: null,
        submitStartedAt: null,
        finishedAt: null,
        result: null,
        error: null,
        callbackUrl: 'https://x.test/cb',
      });
      await h.store.tasks.update(created.id, {
        status: 'running',
        progress: 42.5,
        upstreamTaskId: 'up-1',
        submittedAt: 1_750_000_000_999,
      });
      await h.store.tasks.finish(
        created.id,
        { status: 'succeeded', result: { ...RESULT, durationS: 6.04 } },
        event('succeeded'),
        1_750_000_001_000,
      );
      const read = (await h.store.tasks.getByUpstreamId('up-1'))!;
      expect(read).toMatchObject({
        status: 'succeeded',
        progress: 100,
        submittedAt: 1_750_000_000_999,
        finishedAt: 1_750_000_001_000,
      });
      expect(read.result).toEqual({ ...RESULT, durationS: 6.04 });
      expect(typeof read.createdAt).toBe('number');
    });

    it('refuses a task the balance less unfinished tasks cannot pay for, and stores nothing', async () => {
      await h.store.ledger.grantOnce('grant:local-start', 60, Date.now());
      await h.store.tasks.create(newTask({ priceCredits: 45 }), { checkCredits: true });
      await expect(h.store.tasks.create(newTask({ priceCredits: 30 }), { checkCredits: true })).rejects.toBeInstanceOf(
        InsufficientCreditsError,
      );
      expect(await h.store.tasks.unfinishedIds()).toHaveLength(1);
    });

    it('stores a batch whole or not at all, and binds its key to the first task', async () => {
      const batch = [
        newTask({ batchId: 'bat_1', idempotencyKey: 'kb' }),
        newTask({ batchId: 'bat_1', idempotencyKey: 'kb' }),
      ];
      expect(await h.store.idempotency.reserve('kb', 'h', Date.now(), 60_000)).toEqual({ state: 'reserved' });
      const made = await h.store.tasks.createMany(batch, { checkCredits: false });
      expect(made.map((t) => t.id)).toEqual(batch.map((t) => t.id));
      expect(await h.store.idempotency.reserve('kb', 'h', Date.now(), 60_000)).toEqual({
        state: 'replay',
        taskId: batch[0]!.id,
      });
      // The second task's id is taken: the whole batch is refused, its first task too.
      const clash = [newTask({ batchId: 'bat_2' }), newTask({ id: batch[1]!.id, batchId: 'bat_2' })];
      await expect(h.store.tasks.createMany(clash, { checkCredits: false })).rejects.toThrow();
      expect(await h.store.tasks.get(clash[0]!.id)).toBeNull();
      expect(await h.store.history.events(clash[0]!.id)).toEqual([]);
    });

    it('changes an unfinished task only, and keeps its story in order', async () => {
      const task = await h.store.tasks.create(newTask(), { checkCredits: false });
      expect(await h.store.tasks.update(task.id, { status: 'running', progress: 10 }, event('running'))).toBe(true);
      await h.store.tasks.finish(
        task.id,
        { status: 'failed', error: { code: 'x', message: 'y' } },
        event('failed'),
        Date.now(),
      );
      expect(await h.store.tasks.update(task.id, { progress: 50 })).toBe(false);
      expect((await h.store.tasks.get(task.id))?.progress).toBe(10);
      expect((await h.store.history.events(task.id)).map((e) => e.status)).toEqual(['queued', 'running', 'failed']);
    });

    it('lists newest first with a (created_at, id) cursor, and counts per status without the status filter', async () => {
      const base = 1_750_000_000_000;
      for (let i = 0; i < 30; i++) {
        const t = await h.store.tasks.create(newTask({ createdAt: base + Math.floor(i / 3), prompt: `clip ${i}` }), {
          checkCredits: false,
        });
        if (i % 3 === 0)
          await h.store.tasks.finish(t.id, { status: 'succeeded', result: RESULT }, event('succeeded'), base);
      }
      const seen: string[] = [];
      let before: { createdAt: number; id: string } | undefined;
      for (let page = 0; page < 10; page++) {
        const items = await h.store.tasks.list({ limit: 7, before });
        seen.push(...items.map((t) => t.id));
        if (items.length < 7) break;
        const last = items[items.length - 1]!;
        before = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
      expect([...seen].sort().reverse()).toEqual(seen);

      const counts = await h.store.tasks.countByStatus({ q: 'clip' });
      expect(counts).toEqual({
        counts: { queued: 20, running: 0, succeeded: 10, failed: 0, canceled: 0 },
        capped: false,
      });
      // "clip 2" is in clips 2 and 20–29; of those 21, 24 and 27 succeeded.
      expect(await h.store.tasks.list({ statuses: ['succeeded'], q: 'clip 2', limit: 50 })).toHaveLength(3);
    });

    it('searches prompts ignoring case, takes % and _ literally, and finds ids and parts of ids', async () => {
      const a = await h.store.tasks.create(newTask({ prompt: 'Slow PUSH in on the Sneaker' }), { checkCredits: false });
      await h.store.tasks.create(newTask({ prompt: '50% off_sale' }), { checkCredits: false });
      await h.store.tasks.create(newTask({ prompt: '50 percent offXsale' }), { checkCredits: false });
      const prompts = async (q: string) => (await h.store.tasks.list({ q, limit: 10 })).map((t) => t.prompt);
      expect(await prompts('push IN on the sneaker')).toEqual(['Slow PUSH in on the Sneaker']);
      expect(await prompts('50% OFF_')).toEqual(['50% off_sale']);
      expect(await prompts(a.id)).toEqual(['Slow PUSH in on the Sneaker']);
      // Part of an id finds its task too (issue 19: support is often read half of one); an id-shaped text no id holds finds nothing.
      expect(await prompts(a.id.slice(4, -1))).toEqual(['Slow PUSH in on the Sneaker']);
      // Read out over the phone, an id comes back in any case; whole or in part, it is still found.
      expect(await prompts(a.id.toUpperCase())).toEqual(['Slow PUSH in on the Sneaker']);
      expect(await prompts(a.id.slice(6).toUpperCase())).toEqual(['Slow PUSH in on the Sneaker']);
      expect(await prompts('tsk_zz99zz')).toEqual([]);
    });

    it('finds any part of a word by index, short and odd searches too (issue 22)', async () => {
      await h.store.tasks.create(newTask({ prompt: 'Slow PUSH in on the Sneaker' }), { checkCredits: false });
      await h.store.tasks.create(newTask({ prompt: 'She said "hello" AND left*' }), { checkCredits: false });
      await h.store.tasks.create(newTask({ prompt: 'Orbit the perfume bottle' }), { checkCredits: false });
      const prompts = async (q: string) => (await h.store.tasks.list({ q, limit: 10 })).map((t) => t.prompt).sort();
      // Inside a word, across words, in any case: what LIKE '%…%' found, the index finds.
      expect(await prompts('NEAK')).toEqual(['Slow PUSH in on the Sneaker']);
      expect(await prompts('h in on')).toEqual(['Slow PUSH in on the Sneaker']);
      expect(await prompts('rfum')).toEqual(['Orbit the perfume bottle']);
      // Shorter than the index's trigrams: still found, row by row.
      expect(await prompts('Or')).toEqual(['Orbit the perfume bottle']);
      // Quotes and words the full-text syntax would read as operators are only text.
      expect(await prompts('"hello"')).toEqual(['She said "hello" AND left*']);
      expect(await prompts('AND left*')).toEqual(['She said "hello" AND left*']);
      expect(await prompts('NEAR(')).toEqual([]);
      expect((await h.store.tasks.countByStatus({ q: 'bottle' })).counts).toMatchObject({ queued: 1 });
    });

    it('filters by status, model, mode, batch, ids and time', async () => {
      const t1 = await h.store.tasks.create(
        newTask({ createdAt: 1000, mode: 'pro', modelId: 'm-pro', batchId: 'bat_x' }),
        {
          checkCredits: false,
        },
      );
      const t2 = await h.store.tasks.create(newTask({ createdAt: 2000 }), { checkCredits: false });
      const ids = async (filter: Parameters<typeof h.store.tasks.list>[0]) =>
        (await h.store.tasks.list(filter)).map((t) => t.id);
      expect(await ids({ mode: 'pro', limit: 5 })).toEqual([t1.id]);
      expect(await ids({ modelId: 'm-pro', limit: 5 })).toEqual([t1.id]);
      expect(await ids({ batchId: 'bat_x', limit: 5 })).toEqual([t1.id]);
      expect(await ids({ ids: [t2.id, 'tsk_none'], limit: 5 })).toEqual([t2.id]);
      expect(await ids({ fromMs: 1500, limit: 5 })).toEqual([t2.id]);
      expect(await ids({ toMs: 1500, limit: 5 })).toEqual([t1.id]);
      expect(await ids({ statuses: ['queued', 'running'], limit: 1 })).toEqual([t2.id]);
    });

    it('keeps what the upstream sent as it was: objects, text, unicode, a NUL', async () => {
      const task = await h.store.tasks.create(newTask(), { checkCredits: false });
      const bodies = [
        { data: { task_id: 'x', list: [1, 2.5, null], ok: true } },
        '<html>busy</html>',
        { emoji: '🎬 ünï', nul: 'a\u0000b' },
        null,
      ];
      for (const [i, body] of bodies.entries()) {
        await h.store.history.addExchange({
          taskId: task.id,
          at: i,
          operation: 'poll',
          httpStatus: 200,
          body,
          error: null,
        });
      }
      expect((await h.store.history.exchanges(task.id)).map((x) => x.body)).toEqual(bodies);
    });
  });
}
