import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, isFinalStatus } from '@/shared/status';
import { POLL_HIDDEN_MS, POLL_VISIBLE_MS, taskPollInterval } from './poll-interval';

describe('taskPollInterval', () => {
  it('stops at every final status', () => {
    for (const status of TASK_STATUSES.filter(isFinalStatus)) expect(taskPollInterval(status, false)).toBe(false);
  });

  it('polls unfinished and unknown tasks, slower when the tab is hidden', () => {
    expect(taskPollInterval('running', false)).toBe(POLL_VISIBLE_MS);
    expect(taskPollInterval('queued', true)).toBe(POLL_HIDDEN_MS);
    expect(taskPollInterval(undefined, false)).toBe(POLL_VISIBLE_MS);
    expect(POLL_HIDDEN_MS).toBeGreaterThan(POLL_VISIBLE_MS);
  });
});
