import { describe, expect, it } from 'vitest';
import { rowSlots, type PlacedRow } from './row-slots';

/* Rows of 100 px with 10 px gaps, in a list starting 500 px down the page. */
const TOP = 500;
const GAP = 10;
const placed = (index: number): PlacedRow => ({ index, start: TOP + index * 110, end: TOP + index * 110 + 100 });
const total = (count: number) => count * 100 + (count - 1) * GAP;

describe('rowSlots', () => {
  it('is just the rows when every row is rendered', () => {
    expect(rowSlots([0, 1, 2].map(placed), 3, total(3), TOP, GAP)).toEqual([
      { kind: 'row', index: 0 },
      { kind: 'row', index: 1 },
      { kind: 'row', index: 2 },
    ]);
  });

  it('stands in for the rows left out above and below, gaps included', () => {
    const slots = rowSlots([4, 5, 6].map(placed), 10, total(10), TOP, GAP);
    // Four rows and four gaps above (one gap comes with the spacer's own row); three rows and gaps below.
    expect(slots).toEqual([
      { kind: 'spacer', key: 'before', height: 4 * 100 + 3 * GAP },
      { kind: 'row', index: 4 },
      { kind: 'row', index: 5 },
      { kind: 'row', index: 6 },
      { kind: 'spacer', key: 'after', height: 3 * 100 + 2 * GAP },
    ]);
  });

  it('keeps a far row (the focused one) in its place with a spacer on each side', () => {
    const slots = rowSlots([1, 7, 8].map(placed), 9, total(9), TOP, GAP);
    expect(slots).toEqual([
      { kind: 'spacer', key: 'before', height: 100 },
      { kind: 'row', index: 1 },
      { kind: 'spacer', key: 'between-1', height: 5 * 100 + 4 * GAP },
      { kind: 'row', index: 7 },
      { kind: 'row', index: 8 },
    ]);
  });

  it('adds up to the whole height: rows, spacers and the gaps between grid rows', () => {
    const slots = rowSlots([3, 4].map(placed), 12, total(12), TOP, GAP);
    const height = slots.reduce((sum, s) => sum + (s.kind === 'row' ? 100 : s.height), 0) + (slots.length - 1) * GAP;
    expect(height).toBe(total(12));
  });
});
