import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age';

const now = Date.parse('2026-03-10T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatAge', () => {
  it('says "just now" for the first seconds, also for a clock slightly ahead', () => {
    expect(formatAge(ago(10), now)).toBe('just now');
    expect(formatAge(ago(-5), now)).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(formatAge(ago(5 * 60), now)).toBe('5 min ago');
    expect(formatAge(ago(3 * 3600), now)).toBe('3 h ago');
    expect(formatAge(ago(2 * 86400), now)).toBe('2 d ago');
  });

  it('gives a date after a week and nothing for a broken date', () => {
    expect(formatAge(ago(30 * 86400), now)).toMatch(/2026/);
    expect(formatAge('not a date', now)).toBe('');
  });
});
