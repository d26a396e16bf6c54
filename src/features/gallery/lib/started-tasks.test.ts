import { describe, expect, it } from 'vitest';
import { activeStatusKey, startedTaskIds } from './started-tasks';

describe('activeStatusKey', () => {
  it('lists only waiting and running tasks', () => {
    const key = activeStatusKey([
      { task_id: 'a', status: 'queued' },
      { task_id: 'b', status: 'succeeded' },
      { task_id: 'c', status: 'running' },
    ]);
    expect(key).toBe('a=queued c=running');
  });
});

describe('startedTaskIds', () => {
  it('finds the tasks that went from queued to running', () => {
    expect(startedTaskIds('a=queued b=queued c=running', 'a=running b=queued c=running')).toEqual(['a']);
  });

  it('ignores a task first seen running, and a running task that only made progress', () => {
    expect(startedTaskIds('', 'a=running')).toEqual([]);
    expect(startedTaskIds('a=running', 'a=running')).toEqual([]);
    expect(startedTaskIds('a=queued', '')).toEqual([]);
  });
});
