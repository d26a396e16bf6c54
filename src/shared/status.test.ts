import { describe, expect, it } from 'vitest';
import { FINAL_STATUSES, isFinalStatus, mapUpstreamStatus, TASK_STATUSES } from './status';

describe('mapUpstreamStatus', () => {
  const cases: Array<[string, string]> = [
    ['pending', 'queued'],
    ['queued', 'queued'],
    ['Queueing', 'queued'],
    ['Preparing', 'queued'],
    ['submitted', 'queued'],
    ['processing', 'running'],
    ['running', 'running'],
    ['Processing', 'running'],
    ['in_progress', 'running'],
    ['IN-PROGRESS', 'running'],
    ['generating', 'running'],
    ['waiting', 'queued'],
    ['wait', 'queued'],
    ['queuing', 'queued'],
    ['starting', 'running'],
    ['succeeded', 'succeeded'],
    ['success', 'succeeded'],
    ['Success', 'succeeded'],
    ['succeed', 'succeeded'],
    ['completed', 'succeeded'],
    ['SUCCEEDED', 'succeeded'],
    ['failed', 'failed'],
    ['Fail', 'failed'],
    ['error', 'failed'],
    ['expired', 'failed'],
    ['canceled', 'canceled'],
    ['cancelled', 'canceled'],
  ];

  it.each(cases)('maps %s to %s', (word, status) => {
    expect(mapUpstreamStatus(word)).toBe(status);
  });

  it.each([['exploded'], [''], ['   ']])('does not guess at %j', (word) => {
    expect(mapUpstreamStatus(word)).toBeNull();
  });

  it.each([[42], [null], [undefined], [{ status: 'success' }]])('returns null for a non-string %j', (value) => {
    expect(mapUpstreamStatus(value)).toBeNull();
  });

  it('maps every one of our own words to itself', () => {
    for (const status of TASK_STATUSES) expect(mapUpstreamStatus(status)).toBe(status);
  });
});

describe('isFinalStatus', () => {
  it('is true exactly for succeeded, failed and canceled', () => {
    expect(TASK_STATUSES.filter(isFinalStatus)).toEqual([...FINAL_STATUSES]);
    expect(isFinalStatus('queued')).toBe(false);
    expect(isFinalStatus('running')).toBe(false);
  });
});
