/** What a person reads when a task is stopped at its deadline: how long it had, and what last went wrong. */
import { plainReason } from '@/server/faults/describe-fault';
import type { NewExchange } from '@/server/store/history-store';

const ENGINE_CALLS: ReadonlySet<string> = new Set(['submit', 'poll', 'download']);

export function deadlineMessage(deadlineMs: number, exchanges: readonly NewExchange[]): string {
  // Only the latest call to the engine counts: an error it got past earlier is not why it stopped.
  const last = exchanges.findLast((x) => ENGINE_CALLS.has(x.operation));
  // An exchange's error is for support; only plain words of it reach the person.
  const why = last?.error ? ` The last attempt failed: ${plainReason(last.error).replace(/\.?$/, '.')}` : '';
  return `The task did not finish within ${describeSpan(deadlineMs)}, so it was stopped.${why} No credits were charged.`;
}

function describeSpan(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.round(ms / 1000));
    return seconds === 1 ? 'a second' : `${seconds} seconds`;
  }
  const minutes = Math.round(ms / 60_000);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}
