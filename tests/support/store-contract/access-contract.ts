/** API keys, sessions and the pepper as stored; and the rate-limit buckets any server shares. */
import { describe, expect, it } from 'vitest';
import type { StoreHarness } from './harness';

export function accessContract(h: StoreHarness) {
  describe('access', () => {
    it('keeps keys: listed oldest first, revoked once, an active one known', async () => {
      const { access } = h.store;
      expect(await access.hasActiveKey()).toBe(false);
      await access.insertKey({ id: 'key_b', name: 'second', hash: 'h2', createdAt: 2000, revokedAt: null });
      await access.insertKey({ id: 'key_a', name: 'first', hash: 'h1', createdAt: 1000, revokedAt: null });
      expect((await access.listKeys()).map((k) => k.id)).toEqual(['key_a', 'key_b']);
      expect(await access.getKey('key_a')).toEqual({
        id: 'key_a',
        name: 'first',
        hash: 'h1',
        createdAt: 1000,
        revokedAt: null,
      });
      expect(await access.revokeKey('key_a', 3000)).toBe(true);
      expect(await access.revokeKey('key_a', 4000)).toBe(false);
      expect((await access.getKey('key_a'))?.revokedAt).toBe(3000);
      expect(await access.hasActiveKey()).toBe(true);
      await access.revokeKey('key_b', 3000);
      expect(await access.hasActiveKey()).toBe(false);
      expect(await access.getKey('key_none')).toBeNull();
    });

    it('keeps sessions until they expire or are removed, and forgets expired ones', async () => {
      const { access } = h.store;
      await access.insertSession('s1', 1000, 5000);
      expect(await access.sessionExpiresAt('s1')).toBe(5000);
      await access.insertSession('s2', 6000, 9000);
      expect(await access.sessionExpiresAt('s1')).toBeNull();
      await access.removeSession('s2');
      expect(await access.sessionExpiresAt('s2')).toBeNull();
    });

    it('keeps one pepper, the same for every server and every start', async () => {
      const pepper = await h.store.access.pepper();
      expect(pepper.length).toBeGreaterThanOrEqual(32);
      expect(await (await h.open()).access.pepper()).toBe(pepper);
    });
  });

  describe('rate limits', () => {
    const rule = { capacity: 3, refillPerSecond: 0.5 };

    it('allows a burst, then refuses with the seconds until the next token, then refills', async () => {
      const { rateLimits } = h.store;
      for (let i = 0; i < 3; i++)
        expect(await rateLimits.take('submit|1.2.3.4', rule, 10_000)).toEqual({ allowed: true });
      expect(await rateLimits.take('submit|1.2.3.4', rule, 10_000)).toEqual({ allowed: false, retryAfterS: 2 });
      expect(await rateLimits.take('submit|1.2.3.4', rule, 11_000)).toEqual({ allowed: false, retryAfterS: 1 });
      expect(await rateLimits.take('submit|5.6.7.8', rule, 11_000)).toEqual({ allowed: true });
      expect(await rateLimits.take('submit|1.2.3.4', rule, 12_000)).toEqual({ allowed: true });
      // Refilled to the brim, not beyond it.
      for (let i = 0; i < 3; i++) expect((await rateLimits.take('submit|1.2.3.4', rule, 99_000)).allowed).toBe(true);
      expect((await rateLimits.take('submit|1.2.3.4', rule, 99_000)).allowed).toBe(false);
    });

    it('gives a client the limit once across servers, even when they take at the same moment', async () => {
      const other = await h.open();
      const takes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? other : h.store).rateLimits.take('upload|key_x', rule, 50_000)),
      );
      expect(takes.filter((t) => t.allowed)).toHaveLength(3);
      expect(await h.store.rateLimits.purgeIdle(50_001)).toBe(1);
      expect(await other.rateLimits.take('upload|key_x', rule, 50_002)).toEqual({ allowed: true });
    });
  });
}
