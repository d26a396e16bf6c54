/**
 * How often the browser asks about what can still change: one rule for the gallery's watch, the
 * inspector's task and its history, and a batch's totals.
 */
import { isFinalStatus, type TaskStatus } from '@/shared/status';

export const POLL_VISIBLE_MS = 2000;
/* A hidden tab still hears about the end of a task (for the title and a notification), only less often. */
export const POLL_HIDDEN_MS = 15_000;

/**
 * A `refetchInterval`: `false` once the thing polled is done (it never changes again), else the
 * visible or hidden pace. Showing the tab again needs no rule here: the query client refetches
 * stale queries when the window regains focus or visibility, so a shown tab catches up at once.
 */
export function pollInterval(done: boolean, hidden: boolean): number | false {
  if (done) return false;
  return hidden ? POLL_HIDDEN_MS : POLL_VISIBLE_MS;
}

/**
 * `false` stops polling: a task at a final status never changes again. An unknown status
 * (not loaded yet, or a failed request) keeps polling so a short outage heals itself.
 */
export function taskPollInterval(status: TaskStatus | undefined, hidden: boolean): number | false {
  return pollInterval(status !== undefined && isFinalStatus(status), hidden);
}

/** Whether the tab is hidden right now; false outside a browser (tests, server rendering). */
export function isDocumentHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
