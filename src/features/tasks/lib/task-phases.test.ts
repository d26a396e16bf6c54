import { describe, expect, it } from 'vitest';
import type { TaskEvent } from '@/shared/contract';
import { taskPhases, totalDurationMs } from './task-phases';

const t0 = Date.parse('2026-03-10T12:00:00.000Z');
function event(seconds: number, status: TaskEvent['status'], progress: number | null = null): TaskEvent {
  return { at: new Date(t0 + seconds * 1000).toISOString(), status, progress, source: 'engine', message: null };
}

describe('taskPhases', () => {
  it('measures each phase until the next status begins, and treats the final status as a moment', () => {
    const events = [event(0, 'queued'), event(3, 'running', 0), event(10, 'running', 50), event(45, 'failed')];
    const phases = taskPhases(events, t0 + 999_000);
    expect(phases.map((p) => [p.status, p.durationMs, p.events.length])).toEqual([
      ['queued', 3000, 1],
      ['running', 42_000, 2],
      ['failed', null, 1],
    ]);
    expect(totalDurationMs(phases)).toBe(45_000);
  });

  it('lets the last unfinished phase grow with the clock', () => {
    const phases = taskPhases([event(0, 'queued'), event(2, 'running', 10)], t0 + 12_000);
    expect(phases.at(-1)).toMatchObject({ status: 'running', durationMs: 10_000, ongoing: true, endedAt: null });
    expect(totalDurationMs(phases)).toBeNull();
  });

  it('orders events by time even when they arrive out of order, and splits a return to an earlier status', () => {
    const events = [
      event(20, 'running'),
      event(0, 'queued'),
      event(5, 'running'),
      event(10, 'queued'),
      event(30, 'succeeded'),
    ];
    const phases = taskPhases(events, t0);
    expect(phases.map((p) => `${p.status}:${p.durationMs}`)).toEqual([
      'queued:5000',
      'running:5000',
      'queued:10000',
      'running:10000',
      'succeeded:null',
    ]);
  });

  it('has nothing to show for no events', () => {
    expect(taskPhases([], t0)).toEqual([]);
    expect(totalDurationMs([])).toBeNull();
  });
});
