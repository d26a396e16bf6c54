import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('keeps a tenth of a second for short phases', () => {
    expect(formatDuration(0)).toBe('0.0 s');
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(9_940)).toBe('9.9 s');
  });

  it('writes whole seconds, then minutes and hours with padded parts', () => {
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
    expect(formatDuration(2 * 3600_000 + 3 * 60_000)).toBe('2 h 03 min');
  });

  it('gives nothing for a length that is not one', () => {
    expect(formatDuration(-1)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
  });
});
