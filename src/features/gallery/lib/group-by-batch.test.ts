import { describe, expect, it } from 'vitest';
import type { Task } from '@/shared/contract';
import { groupByBatch } from './group-by-batch';

const task = (task_id: string, batch_id: string | null) => ({ task_id, batch_id }) as Task;
const shape = (tasks: Task[]) => groupByBatch(tasks).map((g) => [g.batchId, g.tasks.map((t) => t.task_id)]);

describe('groupByBatch', () => {
  it('keeps single tasks on their own and a batch together, in the order it was asked for', () => {
    expect(shape([task('t9', null), task('t8', 'b1'), task('t7', 'b1'), task('t6', 'b1'), task('t5', null)])).toEqual([
      [null, ['t9']],
      ['b1', ['t6', 't7', 't8']],
      [null, ['t5']],
    ]);
  });

  it('keeps two batches apart, and two single tasks apart', () => {
    expect(shape([task('t4', 'b2'), task('t3', 'b1'), task('t2', null), task('t1', null)])).toEqual([
      ['b2', ['t4']],
      ['b1', ['t3']],
      [null, ['t2']],
      [null, ['t1']],
    ]);
  });

  it('puts a batch’s later retries in its one group, where its newest task is', () => {
    expect(shape([task('r2', 'b1'), task('t5', null), task('t3', 'b1'), task('t2', 'b1'), task('t1', null)])).toEqual([
      ['b1', ['t2', 't3', 'r2']],
      [null, ['t5']],
      [null, ['t1']],
    ]);
  });

  it('has nothing to group in an empty list', () => {
    expect(groupByBatch([])).toEqual([]);
  });
});
