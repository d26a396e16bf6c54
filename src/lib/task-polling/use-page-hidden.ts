/**
 * Whether the tab is hidden, as React state. A polling query's pace is computed from it at
 * render, so hiding or showing the tab re-renders the pollers and React Query re-arms their
 * interval at once — without it the old pace held until the next answer arrived, and a tab
 * hidden just after a poll was asked once more at the visible pace.
 */
import { useSyncExternalStore } from 'react';
import { isDocumentHidden } from './poll-interval';

function subscribe(onChange: () => void): () => void {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

export function usePageHidden(): boolean {
  return useSyncExternalStore(subscribe, isDocumentHidden, () => false);
}
