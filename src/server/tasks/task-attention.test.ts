import { describe, expect, it } from 'vitest';
import { attentionOf } from './task-attention';

const base = {
  engine: 'apiinone' as const,
  upstreamTaskId: null,
  submitStartedAt: Date.parse('2026-03-10T12:34:56Z'),
  createdAt: Date.parse('2026-03-10T12:30:00Z'),
};

describe('attentionOf', () => {
  it('is null for a task that ended any other way', () => {
    expect(attentionOf({ ...base, error: null })).toBeNull();
    expect(attentionOf({ ...base, error: { code: 'upstream_error', message: 'refused' } })).toBeNull();
  });

  it('sends support to the upstream task when the engine called it done without a readable result', () => {
    const attention = attentionOf({
      ...base,
      upstreamTaskId: 'n51abc_hailuo',
      error: { code: 'result_unreadable', message: 'done, no link' },
    });
    expect(attention).toEqual({
      reason: 'result_unreadable',
      message: expect.stringMatching(/^Look up upstream task n51abc_hailuo in the API in One console/),
    });
  });

  it('sends support to the time the submit went out when no upstream id was ever learned', () => {
    const attention = attentionOf({ ...base, error: { code: 'submit_unknown', message: 'no answer' } });
    expect(attention?.reason).toBe('submit_unknown');
    expect(attention?.message).toContain('made soon after 2026-03-10 12:34 UTC with this prompt');
  });
});
