import { describe, expect, it } from 'vitest';
import type { TaskRecord } from '@/server/store/tasks-store';
import { etaSeconds } from './task-json';

const START = 1_000_000;

/* Only the fields the estimate reads; the rest of a record does not enter into it. */
function running(progress: number, fields: Partial<TaskRecord> = {}): TaskRecord {
  return { status: 'running', progress, createdAt: START, submittedAt: START, ...fields } as TaskRecord;
}

/** The estimates, once a second, of a task whose progress grows evenly over `actualS` seconds. */
function estimates(actualS: number, typicalS: number): { atS: number; progress: number; eta: number }[] {
  const out = [];
  for (let atS = 1; atS < actualS; atS++) {
    const progress = (100 * atS) / actualS;
    out.push({ atS, progress, eta: etaSeconds(running(progress), typicalS * 1000, START + atS * 1000)! });
  }
  return out;
}

describe('etaSeconds', () => {
  it('counts the usual duration down before any progress, and none once final', () => {
    expect(etaSeconds(running(0, { status: 'queued', submittedAt: null }), 20_000, START + 5_000)).toBe(15);
    expect(etaSeconds(running(0), 20_000, START + 60_000)).toBe(1);
    expect(etaSeconds(running(100, { status: 'succeeded' }), 20_000, START + 5_000)).toBeNull();
  });

  it('measures the pace from when the engine took the task, not from the time in our queue', () => {
    const queuedLong = running(50, { createdAt: START - 60_000, submittedAt: START });
    expect(etaSeconds(queuedLong, 10_000, START + 5_000)).toBe(etaSeconds(running(50), 10_000, START + 5_000));
  });

  it('is steady: each second it falls by about a second, never leaping, whether the task is faster or slower than usual', () => {
    // It corrects faster the more the usual duration was wrong, but never by more than an eighth
    // of it in a second; it rises (by 2 s a second at most) only while a task is slower than usual.
    for (const [actualS, typicalS] of [
      [17, 20],
      [17, 40],
      [40, 17],
      [120, 90],
    ] as const) {
      const series = estimates(actualS, typicalS);
      for (let i = 1; i < series.length; i++) {
        const step = series[i - 1]!.eta - series[i]!.eta;
        expect(step, `${actualS} s task, usually ${typicalS} s, at ${series[i]!.atS} s`).toBeGreaterThanOrEqual(-2);
        expect(step, `${actualS} s task, usually ${typicalS} s, at ${series[i]!.atS} s`).toBeLessThanOrEqual(
          Math.max(3, typicalS / 8),
        );
      }
      // Late on it has mostly learnt the task's own pace: within a quarter of the usual duration.
      const late = series.find((point) => point.progress >= 80)!;
      expect(Math.abs(late.eta - (actualS - late.atS)), `${actualS} s task, usually ${typicalS} s`).toBeLessThanOrEqual(
        Math.max(3, typicalS / 4),
      );
    }
  });

  it('does not say 35 s at 6 % and 10 s at 41 % of the same render', () => {
    // The figures of issue 19, on the local engine's default 8 s: the old estimate (time since
    // created × left ÷ done) said 35 s at 6 % after 2.2 s and 10 s at 41 % after 7 s.
    const at6 = etaSeconds(running(6), 8_000, START + 2_200)!;
    const at41 = etaSeconds(running(41), 8_000, START + 7_000)!;
    expect(at6).toBeLessThanOrEqual(16);
    expect(at6 - at41).toBeLessThanOrEqual(2 * 4.8); // 4.8 s passed
    expect(at41).toBeGreaterThanOrEqual(7);
  });
});
