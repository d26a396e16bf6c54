/** How many columns the gallery's grid has now: its classes' breakpoints, sm:grid-cols-2 2xl:grid-cols-3. */
import { useSyncExternalStore } from 'react';

/* Tailwind's sm (40rem) and 2xl (96rem), widest first. */
const BREAKPOINTS: readonly (readonly [query: string, columns: number])[] = [
  ['(min-width: 96rem)', 3],
  ['(min-width: 40rem)', 2],
];

function columnsNow(): number {
  return BREAKPOINTS.find(([query]) => window.matchMedia(query).matches)?.[1] ?? 1;
}

function subscribe(onChange: () => void): () => void {
  const lists = BREAKPOINTS.map(([query]) => window.matchMedia(query));
  for (const list of lists) list.addEventListener('change', onChange);
  return () => {
    for (const list of lists) list.removeEventListener('change', onChange);
  };
}

export function useGridColumns(): number {
  return useSyncExternalStore(subscribe, columnsNow, () => 1);
}
