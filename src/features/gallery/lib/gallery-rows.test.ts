import { describe, expect, it } from 'vitest';
import type { Task } from '@/shared/contract';
import type { GalleryGroup } from './group-by-batch';
import { toRows } from './gallery-rows';

const task = (id: string) => ({ task_id: id }) as Task;
const single = (id: string): GalleryGroup => ({ batchId: null, tasks: [task(id)] });
const batch = (id: string, ...ids: string[]): GalleryGroup => ({ batchId: id, tasks: ids.map(task) });
const shape = (groups: GalleryGroup[], columns: number) =>
  toRows(groups, columns).map((row) => row.groups.map((g) => g.batchId ?? g.tasks[0].task_id));

describe('toRows', () => {
  it('fills rows with as many single cards as the grid has columns', () => {
    const groups = ['a', 'b', 'c', 'd', 'e'].map(single);
    expect(shape(groups, 1)).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
    expect(shape(groups, 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(shape(groups, 3)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('gives a batch a row of its own and starts a new row after it', () => {
    const groups = [single('a'), batch('bat_1', 'x', 'y', 'z'), single('b'), single('c'), single('d')];
    expect(shape(groups, 2)).toEqual([['a'], ['bat_1'], ['b', 'c'], ['d']]);
  });

  it('keys a row by its first card or its batch', () => {
    const rows = toRows([single('a'), single('b'), batch('bat_1', 'x'), single('c')], 2);
    expect(rows.map((row) => row.key)).toEqual(['a', 'batch:bat_1', 'c']);
  });

  it('has no rows for no tasks', () => {
    expect(toRows([], 3)).toEqual([]);
  });
});
