import { describe, expect, it } from 'vitest';
import { MAX_RAW_CHARS, rawForSupport, REDACTED, redactSecrets, redactText } from './redact-secrets';

const CANARY = 'aio_canary_REDACT_a81c44e0b2';
const OTHER_SECRET = 'hook-secret-5d1f0e9a';

describe('redactText', () => {
  it('replaces every occurrence of each secret', () => {
    expect(redactText(`a ${CANARY} b ${CANARY} ${OTHER_SECRET}`, [CANARY, OTHER_SECRET])).toBe(
      `a ${REDACTED} b ${REDACTED} ${REDACTED}`,
    );
  });

  it('replaces the URL-encoded spelling of a secret', () => {
    const secret = 'key with/slash+plus';
    expect(redactText(`?k=${encodeURIComponent(secret)}`, [secret])).toBe(`?k=${REDACTED}`);
  });

  it('replaces keys that look like API in One keys even when not listed', () => {
    expect(redactText('someone else: aio_live_9f8e7d6c5b4a', [])).toBe(`someone else: ${REDACTED}`);
  });

  it('replaces the value of an Authorization-style header written into text', () => {
    expect(redactText('sent Authorization: Bearer sk-live.abc_123=', [])).toBe(
      `sent Authorization: Bearer ${REDACTED}`,
    );
  });

  it('ignores secrets too short to be keys, so ordinary words survive', () => {
    expect(redactText('the task is done', ['the', ''])).toBe('the task is done');
  });
});

describe('redactSecrets', () => {
  it('deep-copies JSON, redacting strings at any depth and keeping other values', () => {
    const input = {
      id: 't-1',
      progress: 42,
      ok: true,
      none: null,
      list: [`x ${CANARY}`, 3, { deeper: [CANARY] }],
    };
    const output = redactSecrets(input, [CANARY]);
    expect(output).toEqual({
      id: 't-1',
      progress: 42,
      ok: true,
      none: null,
      list: [`x ${REDACTED}`, 3, { deeper: [REDACTED] }],
    });
    expect(input.list[0]).toBe(`x ${CANARY}`);
  });

  it.each(['Authorization', 'authorization', 'api_key', 'apiKey', 'X-API-Key', 'token', 'access_token', 'password'])(
    'hides the value of a %s field whatever it holds',
    (field) => {
      expect(redactSecrets({ [field]: 'not-listed-anywhere', keep: 'visible' }, [])).toEqual({
        [field]: REDACTED,
        keep: 'visible',
      });
    },
  );

  it('keeps empty credential fields as they are, so support sees that none was sent', () => {
    expect(redactSecrets({ token: null, api_key: '' }, [])).toEqual({ token: null, api_key: '' });
  });

  it('does not hide fields that merely contain the word token', () => {
    expect(redactSecrets({ token_count: 12, tokens: 3 }, [])).toEqual({ token_count: 12, tokens: 3 });
  });

  it('redacts a secret used as a field name', () => {
    expect(redactSecrets({ [CANARY]: 1 }, [CANARY])).toEqual({ [REDACTED]: 1 });
  });

  it('survives cycles and absurd depth', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redactSecrets(cyclic, [])).toEqual({ a: 1, self: '[circular]' });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i += 1) deep = [deep];
    expect(JSON.stringify(redactSecrets(deep, []))).toContain('[too deep]');
  });
});

describe('rawForSupport', () => {
  it('keeps a small answer as redacted JSON', () => {
    expect(rawForSupport({ key: CANARY }, [CANARY])).toEqual({ key: REDACTED });
  });

  it('truncates a huge answer to a string that says so, after redacting', () => {
    const huge = `${CANARY}${'x'.repeat(MAX_RAW_CHARS * 2)}`;
    const kept = rawForSupport(huge, [CANARY]);
    expect(typeof kept).toBe('string');
    expect(kept as string).toMatch(/^\[redacted\]x+… \[truncated, \d+ characters in all\]$/);
    expect((kept as string).length).toBeLessThan(MAX_RAW_CHARS + 100);
  });
});
