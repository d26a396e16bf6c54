/** The ledger and what it says was spent: per day in the viewer's zone, per batch. */
import { describe, expect, it } from 'vitest';
import { newTask } from '../new-task';
import { event, RESULT, type StoreHarness } from './harness';

const DAY = 24 * 60 * 60_000;
const MIDNIGHT = Date.UTC(2026, 2, 10);

export function moneyContract(h: StoreHarness) {
  describe('ledger and spend', () => {
    it('grants once per key, and sums charges per day in the viewer’s time zone', async () => {
      const { store } = h;
      await store.ledger.grantOnce('grant:local-start', 500, MIDNIGHT - DAY);
      await store.ledger.grantOnce('grant:local-start', 500, MIDNIGHT - DAY);
      // Charged at 23:30 UTC on the 10th and 00:30 UTC on the 11th.
      for (const [i, at] of [MIDNIGHT + 23.5 * 3_600_000, MIDNIGHT + 24.5 * 3_600_000].entries()) {
        const task = await store.tasks.create(newTask({ createdAt: at - 1000, priceCredits: 30 + i * 15 }), {
          checkCredits: false,
        });
        await store.tasks.finish(task.id, { status: 'succeeded', result: RESULT }, event('succeeded', at), at);
      }
      expect(await store.ledger.summary()).toEqual({ balance: 425, spent: 75, refunded: 0 });
      expect(await store.spend.byDay(MIDNIGHT - DAY, MIDNIGHT + 3 * DAY, 0)).toEqual([
        { date: '2026-03-10', chargedCredits: 30, videos: 1 },
        { date: '2026-03-11', chargedCredits: 45, videos: 1 },
      ]);
      // One hour east of UTC both charges fall on the 11th.
      expect(await store.spend.byDay(MIDNIGHT - DAY, MIDNIGHT + 3 * DAY, 60)).toEqual([
        { date: '2026-03-11', chargedCredits: 75, videos: 2 },
      ]);
    });

    it('adds up each batch: tasks, successes, price and charges', async () => {
      const { store } = h;
      const tasks = [0, 1, 2].map((i) => newTask({ batchId: 'bat_a', createdAt: MIDNIGHT + i, prompt: 'Orbit' }));
      await store.tasks.createMany(tasks, { checkCredits: false });
      await store.tasks.createMany([newTask({ batchId: 'bat_b', createdAt: MIDNIGHT + 100 })], { checkCredits: false });
      await store.tasks.finish(
        tasks[0]!.id,
        { status: 'succeeded', result: RESULT },
        event('succeeded'),
        MIDNIGHT + 10,
      );
      const error = { code: 'engine_failed', message: 'no' };
      await store.tasks.finish(tasks[1]!.id, { status: 'failed', error }, event('failed'), MIDNIGHT + 10);
      expect(await store.spend.byBatch(MIDNIGHT, MIDNIGHT + DAY, 10)).toEqual([
        {
          batchId: 'bat_b',
          prompt: 'A slow push in',
          createdAt: MIDNIGHT + 100,
          taskCount: 1,
          succeeded: 0,
          priceCredits: 30,
          chargedCredits: 0,
        },
        {
          batchId: 'bat_a',
          prompt: 'Orbit',
          createdAt: MIDNIGHT,
          taskCount: 3,
          succeeded: 1,
          priceCredits: 90,
          chargedCredits: 30,
        },
      ]);
      expect(await store.spend.byBatch(MIDNIGHT, MIDNIGHT + DAY, 1)).toHaveLength(1);
    });
  });

  describe('uploads', () => {
    it('keeps an upload and finds it by id and by file name', async () => {
      const upload = {
        id: 'upl_1',
        fileName: 'upl_1.png',
        originalName: 'Red shoe — side.png',
        url: 'http://localhost/media/uploads/upl_1.png',
        width: 640,
        height: 480,
        contentType: 'image/png' as const,
        bytes: 12_345,
        createdAt: MIDNIGHT,
      };
      await h.store.uploads.insert(upload);
      expect(await h.store.uploads.get('upl_1')).toEqual(upload);
      expect(await h.store.uploads.getByFileName('upl_1.png')).toEqual(upload);
      expect(await h.store.uploads.get('upl_2')).toBeNull();
      await expect(h.store.uploads.insert(upload)).rejects.toThrow();
    });
  });
}
