/**
 * After a submit the form asks for the new work to be shown; the gallery, once the new card (or
 * batch) is in its list, brings it into view below the sticky header. The form and the gallery
 * are two features that never import each other: they meet here.
 */
import { useSyncExternalStore } from 'react';

export interface RevealRequest {
  /** The new work's element: a card, or a batch's group (or its first card, for a batch of one). */
  selector: string;
  at: number;
}

/* A filtered gallery may never list the new work: after this the request is dropped. */
const GIVE_UP_MS = 15_000;

let pending: RevealRequest | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function askToReveal(work: { taskId: string; batchId?: string }): void {
  const card = `[data-testid="task-card"][data-task-id="${CSS.escape(work.taskId)}"]`;
  const group = work.batchId ? `[data-testid="batch-group"][data-batch-id="${CSS.escape(work.batchId)}"], ` : '';
  pending = { selector: group + card, at: Date.now() };
  emit();
}

/** The request is done (or stale): forget it. */
export function forgetReveal(request: RevealRequest): void {
  if (pending !== request) return;
  pending = null;
  emit();
}

export function isStale(request: RevealRequest, now = Date.now()): boolean {
  return now - request.at > GIVE_UP_MS;
}

export function usePendingReveal(): RevealRequest | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending,
    () => null,
  );
}

/**
 * Scrolls so that `element` sits just below the sticky header (whatever its height: it is two
 * rows at phone width), unless it is already wholly in view between the header and the foot.
 */
export function scrollBelowHeader(element: Element, header: Element | null): void {
  const headerBottom = header?.getBoundingClientRect().bottom ?? 0;
  const box = element.getBoundingClientRect();
  if (box.top >= headerBottom && box.bottom <= window.innerHeight) return;
  const by = box.top - headerBottom - 12;
  // A short way glides; a long one jumps: a smooth scroll across a windowed list is cut short
  // when the rows it passes are measured and the page's height changes under it.
  const glide = Math.abs(by) < window.innerHeight && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollTo({ top: window.scrollY + by, behavior: glide ? 'smooth' : 'auto' });
}
