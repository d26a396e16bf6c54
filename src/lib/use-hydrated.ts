import { useSyncExternalStore } from 'react';

const unchanging = () => () => {};

/**
 * False while React renders the page on the server (src/prerender.tsx) and while it takes over
 * that HTML in the browser, true from the render after. What only the browser knows (storage,
 * the keyboard's platform) waits for true, so the prerendered markup and the first render agree.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    unchanging,
    () => true,
    () => false,
  );
}
