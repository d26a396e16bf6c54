/**
 * Which of the gallery's rows are in the page. A short list is rendered whole (find-in-page,
 * Tab through every card); past WINDOW_FROM_ROWS only the rows near the viewport are, so a
 * gallery scrolled through thousands of videos keeps a few dozen cards in the DOM. The window
 * scrolls (not a box), and every rendered row is measured, so spacers stand in for the rest
 * at their real heights. The row holding focus stays rendered however far the page scrolls.
 * The virtualizer's code loads the first time the list passes WINDOW_FROM_ROWS; until it has
 * arrived every row is rendered, as for a short list.
 */
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';
import { rowSlots, type RowSlot } from '@/features/gallery/lib/row-slots';
import { useLazyWindowVirtualizer } from './use-lazy-window-virtualizer';

const WINDOW_FROM_ROWS = 36;
/* A card at desktop width; rows are measured once rendered, so this only places rows not seen yet. */
const ESTIMATED_ROW_PX = 380;
const OVERSCAN_ROWS = 3;
/* On every item of a rendered row; the virtualizer's own `data-index` is on the first, which it measures. */
export const ROW_ATTRIBUTE = 'data-row';

function allRows(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

export function useWindowRows(listRef: RefObject<HTMLElement | null>, count: number, keyOf: (index: number) => string) {
  // Where the list starts in the page (the form and filters above it change height), and its row gap.
  const [listTop, setListTop] = useState(0);
  const [gapPx, setGapPx] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const update = () => {
      setListTop(Math.round(list.getBoundingClientRect().top + window.scrollY));
      setGapPx(parseFloat(getComputedStyle(list).rowGap) || 0);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [listRef]);

  const focusedRow = useRef<number | null>(null);
  const windowed = count > WINDOW_FROM_ROWS;
  const virtualizer = useLazyWindowVirtualizer(windowed, (core) => ({
    count,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: keyOf,
    overscan: OVERSCAN_ROWS,
    gap: gapPx,
    scrollMargin: listTop,
    rangeExtractor: (range) => {
      if (!windowed) return allRows(range.count);
      const indexes = core.defaultRangeExtractor(range);
      const focused = focusedRow.current;
      if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
      return [...indexes, focused].sort((a, b) => a - b);
    },
  }));

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest(`[${ROW_ATTRIBUTE}]`);
    focusedRow.current = row ? Number(row.getAttribute(ROW_ATTRIBUTE)) : null;
  }, []);
  const onBlur = useCallback((event: FocusEvent<HTMLElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focusedRow.current = null;
  }, []);

  const slots = virtualizer
    ? rowSlots(virtualizer.getVirtualItems(), count, virtualizer.getTotalSize(), listTop, gapPx)
    : allRows(count).map((index): RowSlot => ({ kind: 'row', index }));
  return { slots, measureRow: virtualizer?.measureElement, onFocus, onBlur };
}
