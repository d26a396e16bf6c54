import { describe, expect, it } from 'vitest';
import { failureText } from './failure-text';

const failed = (message: string | null) => ({
  status: 'failed' as const,
  error: message === null ? null : { code: 'engine_failed', message },
});

describe('failureText', () => {
  it('says nothing was charged once when the reason already says it', () => {
    const text = failureText(
      failed('The task did not finish within 3 seconds, so it was stopped. No credits were charged.'),
    );
    expect(text.match(/charged/gi)).toHaveLength(1);
  });

  it('adds it when the reason does not', () => {
    expect(failureText(failed('The provider timed out. Try again.'))).toBe(
      'The provider timed out. Try again. Nothing was charged.',
    );
    expect(failureText(failed('Refused'))).toBe('Refused. Nothing was charged.');
  });

  it('has words of its own when the server gave none', () => {
    expect(failureText(failed(null))).toBe('The generation failed. Nothing was charged.');
    expect(failureText({ status: 'canceled', error: null })).toBe('The task was canceled. Nothing was charged.');
  });
});
