/** How often the browser asks about unfinished tasks. One rule for the card, the list and the inspector. */
import { isFinalStatus, type TaskStatus } from '@/shared/status';

export const POLL_VISIBLE_MS = 2000;
/* A hidden tab still hears about the end of a task (for the title and a notification), only less often. */
export const POLL_HIDDEN_MS = 15_000;

/**
 * `false` stops polling: a task at a final status never changes again. An unknown status
 * (not loaded yet, or a failed request) keeps polling so a short outage heals itself.
 */
export function taskPollInterval(status: TaskStatus | undefined, hidden: boolean): number | false {
  if (status !== undefined && isFinalStatus(status)) return false;
  return hidden ? POLL_HIDDEN_MS : POLL_VISIBLE_MS;
}

/** Whether the tab is hidden right now; false outside a browser (tests, server rendering). */
export function isDocumentHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
