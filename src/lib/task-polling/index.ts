/*
 * Not for browser code, which imports from the file that holds what it needs (./poll-interval).
 * bench/upstream-polls.ts and e2e/polling.spec.ts read the poll intervals by this folder's old
 * name (it was one file, lib/task-polling.ts); drop this file once they import ./poll-interval.
 */
export { POLL_HIDDEN_MS, POLL_VISIBLE_MS } from './poll-interval';
