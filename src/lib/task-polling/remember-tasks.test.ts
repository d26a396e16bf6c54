import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Task } from '@/shared/contract';
import { queryKeys } from '@/lib/query-keys';
import { justFinished, newerTask, rememberTasks } from './remember-tasks';

function task(overrides: Partial<Task>): Task {
  return {
    task_id: 't1',
    status: 'running',
    model: 'hailuo/2-3-image-to-video-pro',
    mode: 'pro',
    prompt: 'a slow push-in',
    image: 'http://127.0.0.1/media/uploads/a.jpg',
    image_name: null,
    duration: '10',
    resolution: '768P',
    price_credits: 85,
    charged_credits: 0,
    progress: 40,
    eta_s: 20,
    result: null,
    error: null,
    attention: null,
    upstream_task_id: null,
    engine: 'local',
    batch_id: null,
    callback_url: null,
    created_at: '2026-03-10T12:00:00.000Z',
    updated_at: '2026-03-10T12:00:10.000Z',
    finished_at: null,
    retry_of: null,
    ...overrides,
  };
}

describe('newerTask', () => {
  it('keeps the later answer', () => {
    const older = task({ progress: 10, updated_at: '2026-03-10T12:00:05.000Z' });
    const later = task({ progress: 60, updated_at: '2026-03-10T12:00:20.000Z' });
    expect(newerTask(older, later)).toBe(later);
    expect(newerTask(later, older)).toBe(later);
  });

  it('never rolls a finished task back to running', () => {
    const done = task({ status: 'succeeded', updated_at: '2026-03-10T12:00:05.000Z' });
    const stale = task({ status: 'running', updated_at: '2026-03-10T12:00:30.000Z' });
    expect(newerTask(done, stale)).toBe(done);
  });
});

describe('justFinished', () => {
  it('is true only on the change from unfinished to final', () => {
    expect(justFinished(task({ status: 'running' }), task({ status: 'failed' }))).toBe(true);
    expect(justFinished(undefined, task({ status: 'succeeded' }))).toBe(false);
    expect(justFinished(task({ status: 'succeeded' }), task({ status: 'succeeded' }))).toBe(false);
  });
});

describe('rememberTasks', () => {
  it('writes each task under its own key and reports the ones that ended', () => {
    const client = new QueryClient();
    rememberTasks(client, [task({ task_id: 'a' }), task({ task_id: 'b' })]);
    const finished = rememberTasks(client, [
      task({ task_id: 'a', status: 'succeeded', updated_at: '2026-03-10T12:01:00.000Z' }),
      task({ task_id: 'b', progress: 80, updated_at: '2026-03-10T12:01:00.000Z' }),
    ]);
    expect(finished.map((t) => t.task_id)).toEqual(['a']);
    expect(client.getQueryData<Task>(queryKeys.task('b'))?.progress).toBe(80);
  });
});
