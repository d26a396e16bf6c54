/**
 * What the gallery's grid holds when only some rows are rendered: those rows, and between them
 * spacers as tall as the rows left out, so the page keeps its height and every row its place.
 * Each spacer is itself a grid row, so the grid's gap around it is taken off its height.
 */
export interface PlacedRow {
  index: number;
  /** Offsets in the page, as the virtualizer gives them (the list's own offset included). */
  start: number;
  end: number;
}

export type RowSlot = { kind: 'row'; index: number } | { kind: 'spacer'; key: string; height: number };

export function rowSlots(rows: readonly PlacedRow[], count: number, totalSize: number, listTop: number, gap: number) {
  const slots: RowSlot[] = [];
  const spacer = (key: string, height: number) => {
    if (height > 0) slots.push({ kind: 'spacer', key, height });
  };
  let previous: PlacedRow | null = null;
  for (const row of rows) {
    if (previous === null) {
      if (row.index > 0) spacer('before', row.start - listTop - gap);
    } else if (row.index > previous.index + 1) {
      spacer(`between-${previous.index}`, row.start - previous.end - 2 * gap);
    }
    slots.push({ kind: 'row', index: row.index });
    previous = row;
  }
  if (previous && previous.index < count - 1) spacer('after', totalSize - (previous.end - listTop) - gap);
  return slots;
}
