import { useEffect, useState } from 'react';

const SEARCH_DELAY_MS = 300;

/**
 * A search box's text, sent (`onSearch`) once typing pauses. The timer restarts on every key and
 * on any outside change, so a cleared search never comes back. The address keeps the search
 * trimmed, so an outside change (Clear filters, the back button, a link) replaces the text only
 * when the trimmed values differ: a space typed before the next word survives the round trip.
 */
export function useDebouncedSearch(q: string, onSearch: (text: string) => void): [string, (text: string) => void] {
  const [text, setText] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (q !== shownQ) {
    setShownQ(q);
    if (q !== text.trim()) setText(q);
  }
  useEffect(() => {
    if (text.trim() === q.trim()) return;
    const timer = window.setTimeout(() => onSearch(text), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, q, onSearch]);
  return [text, setText];
}
