import { describe, expect, it } from 'vitest';
import { IdempotencyAttempt } from './idempotency-attempt';

function counterKeys() {
  let n = 0;
  return () => `key-${++n}`;
}

describe('IdempotencyAttempt', () => {
  it('reuses the key while the same values are sent again', () => {
    const attempt = new IdempotencyAttempt(counterKeys());
    expect(attempt.keyFor({ prompt: 'a' })).toBe('key-1');
    expect(attempt.keyFor({ prompt: 'a' })).toBe('key-1');
  });

  it('takes a new key for changed values or after the attempt succeeded', () => {
    const attempt = new IdempotencyAttempt(counterKeys());
    attempt.keyFor({ prompt: 'a' });
    expect(attempt.keyFor({ prompt: 'b' })).toBe('key-2');
    attempt.complete();
    expect(attempt.keyFor({ prompt: 'b' })).toBe('key-3');
  });
});
