/**
 * TanStack's window virtualizer, with its code loaded only once a gallery is long enough to
 * window (`wanted`), so the first load does not carry it. Until it arrives (and for every gallery
 * that never grows that long) this answers null and the caller renders every row. Once made, the
 * virtualizer stays for the life of the list, as `useWindowVirtualizer` from
 * @tanstack/react-virtual would; this is that hook's own wiring (options on every render, mount
 * and update in layout effects, flushSync on scroll) over the lazily imported core.
 */
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Virtualizer, VirtualizerOptions } from '@tanstack/virtual-core';

export type VirtualCore = typeof import('@tanstack/virtual-core');
export type WindowRowsOptions = Omit<
  VirtualizerOptions<Window, HTMLElement>,
  'getScrollElement' | 'observeElementRect' | 'observeElementOffset' | 'scrollToFn' | 'onChange' | 'initialOffset'
>;

let loading: Promise<VirtualCore> | null = null;
const loadCore = () => (loading ??= import('@tanstack/virtual-core'));

interface Made {
  core: VirtualCore;
  virtualizer: Virtualizer<Window, HTMLElement>;
}

export function useLazyWindowVirtualizer(
  wanted: boolean,
  options: (core: VirtualCore) => WindowRowsOptions,
): Virtualizer<Window, HTMLElement> | null {
  const rerender = useReducer((x: number) => x + 1, 0)[1];
  // Set while the virtualizer measures a row through its ref callback, i.e. during React's commit,
  // where flushSync cannot flush (react-virtual does the same).
  const [measuring] = useState(() => ({ now: false }));
  const [made, setMade] = useState<Made | null>(null);

  const resolve = (core: VirtualCore): VirtualizerOptions<Window, HTMLElement> => ({
    ...options(core),
    getScrollElement: () => window,
    observeElementRect: core.observeWindowRect,
    observeElementOffset: core.observeWindowOffset,
    scrollToFn: core.windowScroll,
    initialOffset: () => window.scrollY,
    onChange: (_instance, sync) => {
      if (sync && !measuring.now) flushSync(rerender);
      else rerender();
    },
  });
  const latest = useRef(resolve);
  useLayoutEffect(() => {
    latest.current = resolve;
  });

  useEffect(() => {
    if (!wanted || made) return;
    let live = true;
    void loadCore().then((core) => {
      if (!live) return;
      const virtualizer = new core.Virtualizer(latest.current(core));
      const measure = virtualizer.measureElement;
      virtualizer.measureElement = (node) => {
        measuring.now = true;
        try {
          measure(node);
        } finally {
          measuring.now = false;
        }
      };
      setMade({ core, virtualizer });
    });
    return () => {
      live = false;
    };
  }, [wanted, made, measuring]);

  made?.virtualizer.setOptions(resolve(made.core));
  useLayoutEffect(() => made?.virtualizer._didMount(), [made]);
  useLayoutEffect(() => made?.virtualizer._willUpdate());
  return made?.virtualizer ?? null;
}
