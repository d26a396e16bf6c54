/** Montages: one per Idempotency-Key, claimed by one server at a time, ended once by the lease holder. */
import { describe, expect, it } from 'vitest';
import { MONTAGE_SPEC as SPEC, newMontage } from '../new-montage';
import type { StoreHarness } from './harness';

export function montagesContract(h: StoreHarness) {
  describe('montages', () => {
    it('keeps a montage as asked for and lists the newest first', async () => {
      const first = newMontage({ createdAt: 1000 });
      const created = await h.store.montages.create(first);
      expect(created).toMatchObject({ state: 'created', montage: { id: first.id, status: 'queued', progress: 0 } });
      const second = newMontage();
      await h.store.montages.create(second);
      const got = await h.store.montages.get(first.id);
      expect(got).toMatchObject({ spec: SPEC, result: null, error: null, createdAt: 1000, finishedAt: null });
      expect((await h.store.montages.list(10)).map((m) => m.id)).toEqual([second.id, first.id]);
      expect(await h.store.montages.list(1)).toHaveLength(1);
      expect(await h.store.montages.get('mon_missing')).toBeNull();
    });

    it('answers the first montage for a key used again, and a conflict for another body, racing on two servers', async () => {
      const other = await h.open();
      const idempotency = { key: 'montage-key', bodyHash: 'h1' };
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : h.store).montages.create(newMontage({ idempotency }))),
      );
      const made = answers.filter((a) => a.state === 'created');
      expect(made).toHaveLength(1);
      const id = made[0]!.state === 'created' ? made[0]!.montage.id : '';
      for (const answer of answers.filter((a) => a.state !== 'created'))
        expect(answer).toMatchObject({ state: 'replay', montage: { id } });
      expect(
        await h.store.montages.create(newMontage({ idempotency: { key: 'montage-key', bodyHash: 'h2' } })),
      ).toEqual({ state: 'conflict' });
      expect(await h.store.montages.list(20)).toHaveLength(1);
    });

    it('is claimed by one server, renewed by its holder only, taken over once the lease runs out, ended once', async () => {
      const montage = newMontage();
      await h.store.montages.create(montage);
      const other = await h.open();
      // Two live servers (on PostgreSQL a lease of a server that is gone is free at once).
      await h.store.leases.join('one', 0);
      await other.leases.join('two', 0);
      const [mine, theirs] = await Promise.all([
        h.store.montages.claim('one', 1000, 31_000, 5),
        other.montages.claim('two', 1000, 31_000, 5),
      ]);
      expect([...mine, ...theirs].map((m) => m.id)).toEqual([montage.id]);
      const holder = mine.length ? 'one' : 'two';
      const stranger = holder === 'one' ? 'two' : 'one';
      expect(await h.store.montages.claim('three', 30_000, 60_000, 5)).toEqual([]);
      expect(await h.store.montages.progress(montage.id, stranger, 50, 90_000, 20_000)).toBe(false);
      expect(await h.store.montages.progress(montage.id, holder, 40, 60_000, 20_000)).toBe(true);
      // Progress never goes back.
      expect(await h.store.montages.progress(montage.id, holder, 10, 60_000, 21_000)).toBe(true);
      expect((await h.store.montages.get(montage.id))?.progress).toBe(40);
      // The holder died: after its lease another server takes the montage over.
      const taken = await h.store.montages.claim('three', 60_001, 90_000, 5);
      expect(taken.map((m) => [m.id, m.status])).toEqual([[montage.id, 'running']]);
      expect(await h.store.montages.progress(montage.id, holder, 60, 120_000, 60_002)).toBe(false);
      const result = {
        videoPath: `videos/${montage.id}.mp4`,
        posterPath: `posters/${montage.id}.jpg`,
        width: 720,
        height: 1280,
        durationS: 12.5,
      };
      expect(await h.store.montages.finish(montage.id, holder, { status: 'succeeded', result }, 70_000)).toBe(false);
      expect(await h.store.montages.finish(montage.id, 'three', { status: 'succeeded', result }, 70_000)).toBe(true);
      const error = { code: 'render_failed', message: 'no' };
      expect(await h.store.montages.finish(montage.id, 'three', { status: 'failed', error }, 71_000)).toBe(false);
      expect(await h.store.montages.get(montage.id)).toMatchObject({
        status: 'succeeded',
        progress: 100,
        result,
        error: null,
        finishedAt: 70_000,
      });
      expect(await h.store.montages.claim('four', 999_999, 1_999_999, 5)).toEqual([]);
    });

    it('keeps a failure with its words', async () => {
      const montage = newMontage();
      await h.store.montages.create(montage);
      await h.store.montages.claim('one', 1000, 31_000, 5);
      const error = { code: 'render_failed', message: 'The montage could not be rendered.' };
      expect(await h.store.montages.finish(montage.id, 'one', { status: 'failed', error }, 2000)).toBe(true);
      expect(await h.store.montages.get(montage.id)).toMatchObject({ status: 'failed', error, result: null });
    });
  });
}
