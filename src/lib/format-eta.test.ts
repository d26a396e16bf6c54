import { describe, expect, it } from 'vitest';
import { formatEta } from './format-eta';

describe('formatEta', () => {
  it('has nothing to say when the server has no estimate', () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta(undefined)).toBeNull();
    expect(formatEta(-1)).toBeNull();
  });

  it('rounds seconds up to fives and never promises zero', () => {
    expect(formatEta(2)).toBe('almost done');
    expect(formatEta(37)).toBe('about 40 s left');
    expect(formatEta(40)).toBe('about 40 s left');
  });

  it('speaks in minutes past one minute', () => {
    expect(formatEta(95)).toBe('about 2 min left');
    expect(formatEta(60)).toBe('about 1 min left');
  });
});
