/**
 * What issue 19 added to the store: a cancel (an ending written without a lease) that beats the
 * tracker holding the task and is never claimed again; hiding a finished task; retries of failed
 * tasks, each made at most once even when two servers race; and the photo's own name kept.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '@/server/store/store';
import { newTask } from '../new-task';
import { event, RESULT, type StoreHarness } from './harness';

const T0 = 1_750_000_000_000;
const FAILED = { status: 'failed' as const, error: { code: 'engine_failed', message: 'no' } };
const canceledEvent = { at: T0, status: 'canceled' as const, progress: 10, source: 'api' as const, message: 'x' };

async function failedBatch(store: Store, count: number): Promise<string[]> {
  const tasks = Array.from({ length: count }, (_, i) =>
    newTask({ createdAt: T0 + i, batchId: 'bat_1', imageName: `photo ${i}.jpg` }),
  );
  await store.tasks.createMany(tasks, { checkCredits: false });
  for (const task of tasks) await store.tasks.finish(task.id, FAILED, event('failed'), T0 + 100);
  return tasks.map((t) => t.id);
}

const retriesOf = (ids: readonly string[], at = T0 + 1000) =>
  ids.map((id, i) => newTask({ createdAt: at, batchId: 'bat_1', retryOf: id, id: `tsk_retry_${at}_${i}` }));

export function galleryContract(h: StoreHarness) {
  describe('cancel, hide, retry, photo names', () => {
    it('lets a cancel end a task another server holds; the holder writes nothing after it and no one claims it', async () => {
      await h.store.leases.join('srv_a', T0);
      const task = newTask({ createdAt: T0 });
      await h.store.tasks.create(task, { checkCredits: false });
      const [held] = await h.store.leases.claimDue(T0, 1, { owner: 'srv_a', until: T0 + 30_000 });
      const canceled = { status: 'canceled' as const, error: { code: 'canceled', message: 'Canceled.' } };
      expect(await h.store.tasks.finish(task.id, canceled, canceledEvent, T0 + 5)).toBe(true);
      expect(await h.store.tasks.update(task.id, { progress: 50 }, undefined, held!.lease)).toBe(false);
      const late = { status: 'succeeded' as const, result: RESULT };
      expect(await h.store.tasks.finish(task.id, late, event('succeeded'), T0 + 6, held!.lease)).toBe(false);
      expect(await h.store.leases.renew([held!.lease], T0 + 60_000)).toEqual([]);
      expect(await h.store.leases.claimDue(T0 + 120_000, 5, { owner: 'srv_a', until: T0 + 150_000 })).toEqual([]);
      expect(await h.store.leases.nextDueAt()).toBeNull();
      expect(await h.store.tasks.get(task.id)).toMatchObject({ status: 'canceled', chargedCredits: 0, result: null });
      expect(await h.store.ledger.entriesForTask(task.id)).toEqual([]);
    });

    it('hides and shows again a finished task only, leaving it out of lists asked with hidden: false', async () => {
      const done = newTask({ createdAt: T0 });
      const running = newTask({ createdAt: T0 + 1 });
      await h.store.tasks.createMany([done, running], { checkCredits: false });
      await h.store.tasks.finish(done.id, { status: 'succeeded', result: RESULT }, event('succeeded'), T0 + 10);
      const before = await h.store.tasks.get(done.id);

      expect(await h.store.tasks.setHidden(running.id, T0 + 20)).toBe(false);
      expect(await h.store.tasks.setHidden('tsk_missing', T0 + 20)).toBe(false);
      expect(await h.store.tasks.setHidden(done.id, T0 + 20)).toBe(true);
      expect(await h.store.tasks.setHidden(done.id, T0 + 30)).toBe(true);
      expect(await h.store.tasks.get(done.id)).toEqual({ ...before, hiddenAt: T0 + 20 });
      const shown = await h.store.tasks.list({ hidden: false, limit: 10 });
      expect(shown.map((t) => t.id)).toEqual([running.id]);
      expect((await h.store.tasks.countByStatus({ hidden: false })).counts.succeeded).toBe(0);
      expect((await h.store.tasks.list({ limit: 10 })).map((t) => t.id)).toEqual([running.id, done.id]);

      expect(await h.store.tasks.setHidden(done.id, null)).toBe(true);
      expect(await h.store.tasks.get(done.id)).toEqual(before);
    });

    it('makes each failed task’s retry once, hides what it retries, and checks credits for what it makes', async () => {
      const failed = await failedBatch(h.store, 3);
      const first = await h.store.tasks.createRetries(retriesOf(failed.slice(0, 2)), { checkCredits: false });
      expect(first.map((t) => t.retryOf)).toEqual(failed.slice(0, 2));
      expect(first[0]).toMatchObject({ status: 'queued', batchId: 'bat_1', hiddenAt: null, imageName: null });
      // Again for all three: only the one not retried yet is made.
      const second = await h.store.tasks.createRetries(retriesOf(failed, T0 + 2000), { checkCredits: false });
      expect(second.map((t) => t.retryOf)).toEqual([failed[2]]);
      expect(await h.store.tasks.createRetries(retriesOf(failed, T0 + 3000), { checkCredits: false })).toEqual([]);
      for (const id of failed) expect((await h.store.tasks.get(id))?.hiddenAt).not.toBeNull();
      expect(await h.store.tasks.list({ batchId: 'bat_1', hidden: false, limit: 10 })).toHaveLength(3);
      expect((await h.store.history.events(second[0]!.id)).map((e) => e.status)).toEqual(['queued']);

      // A retry of a retry is a new try of its own.
      await h.store.tasks.finish(second[0]!.id, FAILED, event('failed'), T0 + 2500);
      await h.store.ledger.grantOnce('grant:test', 10, T0);
      const poor = [newTask({ createdAt: T0 + 4000, retryOf: second[0]!.id, priceCredits: 30 })];
      await expect(h.store.tasks.createRetries(poor, { checkCredits: true })).rejects.toThrow(/Not enough credits/);
      expect((await h.store.tasks.get(second[0]!.id))?.hiddenAt).toBeNull();
    });

    it('never makes a second retry of a task when two servers retry it at once', async () => {
      const other = await h.open();
      const failed = await failedBatch(h.store, 4);
      const [a, b] = await Promise.all([
        h.store.tasks.createRetries(retriesOf(failed, T0 + 1000), { checkCredits: false }),
        other.tasks.createRetries(retriesOf(failed, T0 + 1001), { checkCredits: false }),
      ]);
      expect(a.length + b.length).toBe(4);
      const all = await h.store.tasks.list({ batchId: 'bat_1', limit: 20 });
      expect(
        all
          .filter((t) => t.retryOf)
          .map((t) => t.retryOf)
          .sort(),
      ).toEqual([...failed].sort());
    });

    it('keeps the photo’s own name on the upload and the task', async () => {
      const task = newTask({ createdAt: T0, imageName: 'Rote Schuhe – Seite 2.webp' });
      await h.store.tasks.create(task, { checkCredits: false });
      expect(await h.store.tasks.get(task.id)).toMatchObject({
        imageName: 'Rote Schuhe – Seite 2.webp',
        retryOf: null,
      });
      const upload = {
        id: 'upl_9',
        fileName: 'upl_9.jpg',
        originalName: null,
        url: 'http://localhost/media/uploads/upl_9.jpg',
        width: 10,
        height: 10,
        contentType: 'image/jpeg' as const,
        bytes: 10,
        createdAt: T0,
      };
      await h.store.uploads.insert(upload);
      expect(await h.store.uploads.get('upl_9')).toEqual(upload);
    });
  });
}
