/**
 * Leases: a task is held by one server at a time; a lease that runs out passes to another,
 * a renewed one does not; a server that lost its lease cannot write over the new holder's work.
 */
import { describe, expect, it } from 'vitest';
import type { Store } from '@/server/store/store';
import { newTask } from '../new-task';
import { event, RESULT, type StoreHarness } from './harness';

const T0 = 1_750_000_000_000;

async function dueTasks(store: Store, count: number, at = T0): Promise<string[]> {
  const tasks = Array.from({ length: count }, (_, i) => newTask({ createdAt: at + i }));
  await store.tasks.createMany(tasks, { checkCredits: false });
  return tasks.map((t) => t.id);
}

/* The servers of these tests, alive (TaskLeases.join) before any task exists. */
async function join(...stores: Store[]): Promise<void> {
  for (const [i, store] of stores.entries()) await store.leases.join(i ? 'srv_b' : 'srv_a', T0);
}

export function leasesContract(h: StoreHarness) {
  describe('leases', () => {
    it('claims due tasks soonest first, each once, and not again while held', async () => {
      await join(h.store);
      const ids = await dueTasks(h.store, 3);
      const first = await h.store.leases.claimDue(T0 + 10, 2, { owner: 'srv_a', until: T0 + 30_000 });
      expect(first.map((c) => c.task.id)).toEqual(ids.slice(0, 2));
      expect(first.every((c) => c.lease.owner === 'srv_a' && c.lease.token.length >= 16 && !c.interrupted)).toBe(true);
      expect(new Set(first.map((c) => c.lease.token)).size).toBe(2);
      const second = await h.store.leases.claimDue(T0 + 20, 5, { owner: 'srv_b', until: T0 + 30_000 });
      expect(second.map((c) => c.task.id)).toEqual([ids[2]]);
      expect(await h.store.leases.claimDue(T0 + 20, 5, { owner: 'srv_b', until: T0 + 30_000 })).toEqual([]);
      // Not due before the leases run out, whatever their next poll says.
      expect(await h.store.leases.nextDueAt()).toBe(T0 + 30_000);
    });

    it('claims only submits or only polls when asked for one kind', async () => {
      await join(h.store);
      const [unsent, sent] = await dueTasks(h.store, 2);
      await h.store.tasks.update(sent!, { upstreamTaskId: 'up-kind', submittedAt: T0 });
      const claim = { owner: 'srv_a', until: T0 + 30_000 };
      const polls = await h.store.leases.claimDue(T0 + 10, 5, { ...claim, kind: 'poll' });
      expect(polls.map((c) => c.task.id)).toEqual([sent]);
      expect(await h.store.leases.claimDue(T0 + 10, 5, { ...claim, kind: 'poll' })).toEqual([]);
      const submits = await h.store.leases.claimDue(T0 + 10, 5, { ...claim, kind: 'submit' });
      expect(submits.map((c) => c.task.id)).toEqual([unsent]);
    });

    it('passes a lease that ran out to another server, marked interrupted; its old holder can no longer write', async () => {
      const other = await h.open();
      await join(h.store, other);
      const [id] = await dueTasks(h.store, 1);
      const [old] = await h.store.leases.claimDue(T0, 1, { owner: 'srv_a', until: T0 + 30_000 });
      expect(await other.leases.claimDue(T0 + 29_999, 1, { owner: 'srv_b', until: T0 + 60_000 })).toEqual([]);
      const [taken] = await other.leases.claimDue(T0 + 30_000, 1, { owner: 'srv_b', until: T0 + 60_000 });
      expect(taken).toMatchObject({ task: { id }, lease: { owner: 'srv_b' }, interrupted: true });

      expect(await h.store.tasks.update(id!, { progress: 90 }, undefined, old!.lease)).toBe(false);
      const late = { status: 'succeeded' as const, result: RESULT };
      expect(await h.store.tasks.finish(id!, late, event('succeeded'), T0, old!.lease)).toBe(false);
      expect(await h.store.leases.renew([old!.lease], T0 + 90_000)).toEqual([]);
      expect(await other.tasks.update(id!, { progress: 40 }, undefined, taken!.lease)).toBe(true);
      const error = { code: 'engine_failed', message: 'no' };
      expect(await other.tasks.finish(id!, { status: 'failed', error }, event('failed'), T0, taken!.lease)).toBe(true);
      expect(await h.store.tasks.get(id!)).toMatchObject({ status: 'failed', progress: 40, chargedCredits: 0 });
      expect(await h.store.ledger.entriesForTask(id!)).toEqual([]);
    });

    it('keeps a renewed lease from being taken over', async () => {
      const other = await h.open();
      await join(h.store, other);
      const [id] = await dueTasks(h.store, 1);
      const [held] = await h.store.leases.claimDue(T0, 1, { owner: 'srv_a', until: T0 + 30_000 });
      expect(await h.store.leases.renew([held!.lease], T0 + 60_000)).toEqual([id]);
      expect(await other.leases.claimDue(T0 + 45_000, 1, { owner: 'srv_b', until: T0 + 90_000 })).toEqual([]);
      expect(await h.store.tasks.update(id!, { progress: 5 }, undefined, held!.lease)).toBe(true);
    });

    it('a task handed back is due at its next poll for anyone, and not interrupted', async () => {
      const [id] = await dueTasks(h.store, 1);
      const [held] = await h.store.leases.claimDue(T0, 1, { owner: 'srv_a', until: T0 + 30_000 });
      await h.store.tasks.update(id!, { nextPollAt: T0 + 2000 }, undefined, held!.lease);
      await h.store.leases.release(id!, held!.lease);
      expect(await h.store.leases.nextDueAt()).toBe(T0 + 2000);
      expect(await h.store.leases.claimDue(T0 + 1999, 1, { owner: 'srv_b', until: T0 + 40_000 })).toEqual([]);
      const [again] = await h.store.leases.claimDue(T0 + 2000, 1, { owner: 'srv_b', until: T0 + 40_000 });
      expect(again).toMatchObject({ task: { id }, interrupted: false });
    });

    it('a finished task lets its lease go and is never claimed again', async () => {
      const [id] = await dueTasks(h.store, 1);
      const [held] = await h.store.leases.claimDue(T0, 1, { owner: 'srv_a', until: T0 + 30_000 });
      await h.store.tasks.finish(id!, { status: 'succeeded', result: RESULT }, event('succeeded'), T0, held!.lease);
      expect(await h.store.leases.claimDue(T0 + 60_000, 5, { owner: 'srv_b', until: T0 + 90_000 })).toEqual([]);
      expect(await h.store.leases.nextDueAt()).toBeNull();
    });

    it('two servers claiming at once never get the same task', async () => {
      const other = await h.open();
      await join(h.store, other);
      const ids = await dueTasks(h.store, 60);
      const claimAll = async (store: Store, owner: string) => {
        const mine: string[] = [];
        for (let round = 0; round < 40; round++) {
          const claimed = await store.leases.claimDue(T0 + 100, 3, { owner, until: T0 + 60_000 });
          mine.push(...claimed.map((c) => c.task.id));
        }
        return mine;
      };
      const [a, b] = await Promise.all([claimAll(h.store, 'srv_a'), claimAll(other, 'srv_b')]);
      expect(a.length + b.length).toBe(60);
      expect(new Set([...a, ...b])).toEqual(new Set(ids));
    });
  });
}
