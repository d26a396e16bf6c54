/** The callback outbox, idempotency keys and settings: each written once, claimed by one sender. */
import { describe, expect, it } from 'vitest';
import { newTask } from '../new-task';
import { event, type StoreHarness } from './harness';

export function outboxContract(h: StoreHarness) {
  describe('callback outbox', () => {
    it('gets one entry when a task with a callback ends, claimed by one sender at a time', async () => {
      const task = await h.store.tasks.create(newTask({ callbackUrl: 'https://hooks.test/a' }), {
        checkCredits: false,
      });
      const plain = await h.store.tasks.create(newTask(), { checkCredits: false });
      const error = { code: 'engine_failed', message: 'no' };
      for (const id of [task.id, plain.id])
        await h.store.tasks.finish(id, { status: 'failed', error }, event('failed', 1000), 1000);
      const other = await h.open();
      const [mine, theirs] = await Promise.all([
        h.store.callbacks.claimDue(1000, 5, 20_000),
        other.callbacks.claimDue(1000, 5, 20_000),
      ]);
      expect([...mine, ...theirs]).toEqual([{ taskId: task.id, url: 'https://hooks.test/a', attempts: 0 }]);
      expect(await h.store.callbacks.nextDueAt()).toBe(20_000);
      await h.store.callbacks.failed(task.id, 1, 25_000, 'HTTP 503', 21_000);
      expect(await h.store.callbacks.claimDue(24_999, 5, 40_000)).toEqual([]);
      expect(await h.store.callbacks.claimDue(25_000, 5, 40_000)).toEqual([
        { taskId: task.id, url: 'https://hooks.test/a', attempts: 1 },
      ]);
      await h.store.callbacks.delivered(task.id, 26_000);
      expect(await h.store.callbacks.nextDueAt()).toBeNull();
      expect(await h.store.callbacks.claimDue(99_000, 5, 120_000)).toEqual([]);
    });
  });

  describe('idempotency keys', () => {
    it('reserves a key, binds it to the task, and answers replays, conflicts and in-flight', async () => {
      const { store } = h;
      const now = Date.now();
      expect(await store.idempotency.reserve('k1', 'h1', now, 60_000)).toEqual({ state: 'reserved' });
      expect(await store.idempotency.reserve('k1', 'h1', now, 60_000)).toEqual({ state: 'in_flight' });
      expect(await store.idempotency.reserve('k1', 'h2', now, 60_000)).toEqual({ state: 'conflict' });
      const task = await store.tasks.create(newTask({ idempotencyKey: 'k1' }), { checkCredits: false });
      expect(await store.idempotency.reserve('k1', 'h1', now, 60_000)).toEqual({ state: 'replay', taskId: task.id });
      // A reservation whose request died is taken over once stale.
      expect(await store.idempotency.reserve('k2', 'h', now - 120_000, 60_000)).toEqual({ state: 'reserved' });
      expect(await store.idempotency.reserve('k2', 'h', now, 60_000)).toEqual({ state: 'reserved' });
      await store.idempotency.release('k2');
      expect(await store.idempotency.reserve('k2', 'h', now, 60_000)).toEqual({ state: 'reserved' });
      expect(await store.idempotency.purgeBefore(now + 1)).toBe(2);
    });

    it('reserves a key for exactly one of many requests racing on two servers', async () => {
      const other = await h.open();
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? other : h.store).idempotency.reserve('race', 'h', Date.now(), 60_000),
        ),
      );
      expect(answers.filter((a) => a.state === 'reserved')).toHaveLength(1);
      expect(answers.filter((a) => a.state === 'in_flight')).toHaveLength(19);
    });
  });

  describe('settings', () => {
    it('makes a value once, and every server reads the same one', async () => {
      const other = await h.open();
      const [a, b] = await Promise.all([
        h.store.settings.getOrCreate('webhook_secret', () => 'made-by-a'),
        other.settings.getOrCreate('webhook_secret', () => 'made-by-b'),
      ]);
      expect(a).toBe(b);
      expect(await h.store.settings.getOrCreate('webhook_secret', () => 'again')).toBe(a);
    });
  });
}
