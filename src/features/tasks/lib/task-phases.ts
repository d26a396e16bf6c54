/**
 * A task's timeline as phases: consecutive events with one status form a phase (the engine
 * reports progress many times while running), and a phase lasts until the next status begins.
 */
import type { TaskEvent } from '@/shared/contract';
import { isFinalStatus, type TaskStatus } from '@/shared/status';

export interface TaskPhase {
  status: TaskStatus;
  startedAt: string;
  /** When the next phase began; null while this phase is still going or when it is the end. */
  endedAt: string | null;
  /** How long the phase took (or has taken so far); null for a final status, which is a moment. */
  durationMs: number | null;
  /** True for the last, unfinished phase: its duration grows with `now`. */
  ongoing: boolean;
  events: TaskEvent[];
}

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

function groupByStatus(events: readonly TaskEvent[]): TaskEvent[][] {
  // A stable sort: events written in the same millisecond keep the server's order.
  const sorted = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => time(a.event.at) - time(b.event.at) || a.index - b.index)
    .map(({ event }) => event);
  const groups: TaskEvent[][] = [];
  for (const event of sorted) {
    const last = groups.at(-1);
    if (last && last[0]?.status === event.status) last.push(event);
    else groups.push([event]);
  }
  return groups;
}

export function taskPhases(events: readonly TaskEvent[], now: number): TaskPhase[] {
  const groups = groupByStatus(events);
  return groups.map((group, index) => {
    const first = group[0] as TaskEvent;
    const next = groups[index + 1]?.[0];
    if (isFinalStatus(first.status)) {
      return {
        status: first.status,
        startedAt: first.at,
        endedAt: null,
        durationMs: null,
        ongoing: false,
        events: group,
      };
    }
    const end = next ? time(next.at) : now;
    return {
      status: first.status,
      startedAt: first.at,
      endedAt: next ? next.at : null,
      durationMs: Math.max(0, end - time(first.at)),
      ongoing: !next,
      events: group,
    };
  });
}

/** From the first event to the final one; null while the task is not finished. */
export function totalDurationMs(phases: readonly TaskPhase[]): number | null {
  const first = phases[0];
  const last = phases.at(-1);
  if (!first || !last || !isFinalStatus(last.status)) return null;
  return Math.max(0, time(last.startedAt) - time(first.startedAt));
}
