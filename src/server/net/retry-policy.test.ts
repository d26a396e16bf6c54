import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelayMs } from './retry-policy';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');

  it.each<[string | null, number | null]>([
    ['3', 3_000],
    ['0', 0],
    [' 1.5 ', 1_500],
    ['Thu, 01 Jan 2026 12:00:10 GMT', 10_000],
    ['Thursday, 01-Jan-26 12:00:04 GMT', 4_000],
    ['Thu, 01 Jan 2026 11:59:00 GMT', 0],
    [null, null],
    ['', null],
    ['soon', null],
    ['-5', null],
    ['2026', 2_026_000],
  ])('reads %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  const base = { baseMs: 100, capMs: 1_000, retryAfterMs: null };

  it('grows the bound exponentially and draws uniformly below it (full jitter)', () => {
    expect([0, 1, 2, 3].map((retry) => retryDelayMs({ ...base, retry, random: () => 0.5 }))).toEqual([
      50, 100, 200, 400,
    ]);
    expect(retryDelayMs({ ...base, retry: 3, random: () => 0 })).toBe(0);
    expect(retryDelayMs({ ...base, retry: 3, random: () => 0.999 })).toBe(799);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs({ ...base, retry: 20, random: () => 0.999 })).toBe(999);
  });

  it('waits at least as long as Retry-After asks, up to the cap', () => {
    expect(retryDelayMs({ ...base, retry: 0, retryAfterMs: 700, random: () => 0.5 })).toBe(700);
    expect(retryDelayMs({ ...base, retry: 0, retryAfterMs: 60_000, random: () => 0.5 })).toBe(1_000);
  });

  it('spreads many retries over the whole window', () => {
    const delays = Array.from({ length: 2_000 }, () => retryDelayMs({ ...base, retry: 2, random: Math.random }));
    expect(Math.min(...delays)).toBeLessThan(40);
    expect(Math.max(...delays)).toBeGreaterThan(360);
    expect(delays.every((d) => d >= 0 && d < 400)).toBe(true);
  });
});
