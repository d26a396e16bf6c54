/**
 * The list's counts per status (issue 22): from the tally, exact through every kind of change and
 * from several servers writing at once; past the tally, up to the cap, and saying when they stop.
 */
import { describe, expect, it } from 'vitest';
import { COUNT_CAP } from '@/shared/contract';
import { ATTENTION_CODES } from '@/shared/errors';
import { TASK_STATUSES, type TaskStatus } from '@/shared/status';
import type { Store } from '@/server/store/store';
import type { TaskCountFilter, TaskRecord } from '@/server/store/tasks-store';
import { newTask } from '../new-task';
import { event, RESULT, type StoreHarness } from './harness';

/** The counts as the slow way finds them: every task read, the filter applied here. */
async function recount(store: Store, keep: (task: TaskRecord) => boolean): Promise<Record<TaskStatus, number>> {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const task of await store.tasks.list({ limit: 10_000 })) if (keep(task)) counts[task.status] += 1;
  return counts;
}

const FILTERS: [TaskCountFilter, (task: TaskRecord) => boolean][] = [
  [{}, () => true],
  [{ mode: 'pro' }, (t) => t.mode === 'pro'],
  [{ modelId: 'm-b' }, (t) => t.modelId === 'm-b'],
  [{ hidden: false }, (t) => t.hiddenAt === null],
  [{ errorCodes: ATTENTION_CODES }, (t) => (ATTENTION_CODES as readonly string[]).includes(t.error?.code ?? '')],
  [{ mode: 'standard', hidden: false }, (t) => t.mode === 'standard' && t.hiddenAt === null],
];

async function expectTallied(store: Store): Promise<void> {
  for (const [filter, keep] of FILTERS)
    expect(await store.tasks.countByStatus(filter), JSON.stringify(filter)).toEqual({
      counts: await recount(store, keep),
      capped: false,
    });
}

export function countsContract(h: StoreHarness) {
  describe('counts', () => {
    it('counts from the tally what a full recount finds, through creates, steps, ends, hiding and retries', async () => {
      const { store } = h;
      const made = await store.tasks.createMany(
        Array.from({ length: 12 }, (_, i) =>
          newTask({ mode: i % 3 ? 'standard' : 'pro', modelId: i % 2 ? 'm-a' : 'm-b', createdAt: 1000 + i }),
        ),
        { checkCredits: false },
      );
      await expectTallied(store);
      for (const task of made.slice(0, 8)) await store.tasks.update(task.id, { status: 'running', progress: 0.2 });
      // A step that changes no counted column leaves the tally alone.
      await store.tasks.update(made[0]!.id, { progress: 0.5 });
      const ends: [number, Parameters<Store['tasks']['finish']>[1]][] = [
        [0, { status: 'succeeded', result: RESULT }],
        [1, { status: 'succeeded', result: RESULT }],
        [2, { status: 'failed', error: { code: 'engine_failed', message: 'no' } }],
        [3, { status: 'failed', error: { code: ATTENTION_CODES[0], message: 'unreadable' } }],
        [4, { status: 'failed', error: { code: ATTENTION_CODES[1], message: 'unknown' } }],
        [9, { status: 'canceled', error: { code: 'canceled', message: 'by a person' } }],
      ];
      for (const [i, outcome] of ends)
        await store.tasks.finish(
          made[i]!.id,
          outcome,
          event(outcome.status === 'canceled' ? 'failed' : outcome.status),
          5000,
        );
      await expectTallied(store);
      expect(await store.tasks.setHidden(made[0]!.id, 6000)).toBe(true);
      expect(await store.tasks.setHidden(made[1]!.id, 6000)).toBe(true);
      expect(await store.tasks.setHidden(made[1]!.id, null)).toBe(true);
      await expectTallied(store);
      const retried = await store.tasks.createRetries([newTask({ retryOf: made[2]!.id })], { checkCredits: false });
      expect(retried).toHaveLength(1);
      await expectTallied(store);
    });

    it('stays exact with two servers writing at once, every mix of keys in every order', async () => {
      const other = await h.open();
      const burst = (store: Store, flip: boolean) =>
        Promise.all(
          Array.from({ length: 6 }, (_, round) =>
            store.tasks.createMany(
              Array.from({ length: 10 }, (_, i) =>
                newTask({ mode: (i + round) % 2 === (flip ? 0 : 1) ? 'pro' : 'standard', modelId: `m-${i % 3}` }),
              ),
              { checkCredits: false },
            ),
          ),
        );
      const [mine, theirs] = await Promise.all([burst(h.store, false), burst(other, true)]);
      const all = [...mine.flat(), ...theirs.flat()];
      await Promise.all(
        all.map((task, i) =>
          (i % 2 ? other : h.store).tasks.finish(
            task.id,
            { status: 'succeeded', result: RESULT },
            event('succeeded'),
            9000,
          ),
        ),
      );
      await expectTallied(h.store);
      expect((await other.tasks.countByStatus({})).counts.succeeded).toBe(120);
      // Read again after the reads above may have folded the tally: the same counts.
      await expectTallied(other);
    });

    it('counts a search up to the cap and says when it stopped; a batch is counted whole', async () => {
      const { store } = h;
      // The oldest task is the rare one, past the newest tasks a search's page tests one by one.
      await store.tasks.create(newTask({ prompt: 'a rare sneaker', createdAt: 1000 }), { checkCredits: false });
      const many = Array.from({ length: 2 * COUNT_CAP + 200 }, (_, i) =>
        newTask({ prompt: `orbit the lamp ${i}`, batchId: i < 3 ? 'bat_small' : undefined, createdAt: 2000 + i }),
      );
      await store.tasks.createMany(many, { checkCredits: false });
      const common = await store.tasks.countByStatus({ q: 'the lamp' });
      expect(common.capped).toBe(true);
      expect(common.counts.queued).toBeGreaterThan(COUNT_CAP);
      expect(await store.tasks.countByStatus({ q: 'RARE sneak' })).toEqual({
        counts: { queued: 1, running: 0, succeeded: 0, failed: 0, canceled: 0 },
        capped: false,
      });
      expect(await store.tasks.countByStatus({ q: 'lamp', batchId: 'bat_small' })).toMatchObject({
        counts: { queued: 3 },
        capped: false,
      });
      expect(await store.tasks.countByStatus({ q: 'lamp', errorCodes: ATTENTION_CODES })).toMatchObject({
        counts: { failed: 0 },
        capped: false,
      });
      // A search's page walks the newest tasks first and reaches older ones through the index.
      const rare = await store.tasks.list({ q: 'rare', limit: 5 });
      expect(rare.map((t) => t.prompt)).toEqual(['a rare sneaker']);
      // "lamp 2": 300 among the newest two thousand, 11 older; one page holds both, in order.
      const lamps = await store.tasks.list({ q: 'lamp 2', limit: 400 });
      const expected = many.filter((t) => t.prompt.includes('lamp 2')).reverse();
      expect(lamps.map((t) => t.id)).toEqual(expected.map((t) => t.id));
      expect(lamps).toHaveLength(311);
      const cursor = { createdAt: expected[99]!.createdAt, id: expected[99]!.id };
      expect((await store.tasks.list({ q: 'lamp 2', limit: 400, before: cursor })).map((t) => t.id)).toEqual(
        expected.slice(100).map((t) => t.id),
      );
    });
  });
}
