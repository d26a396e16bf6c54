import { describe, expect, it } from 'vitest';
import { safeNext, signInHref } from './sign-in-redirect';

describe('safeNext', () => {
  it.each([
    ['/tasks?status=failed', '/tasks?status=failed'],
    ['/', '/'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in?next=/tasks', '/'],
  ])('%s → %s', (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });
});

describe('signInHref', () => {
  it('keeps the page and its query to come back to', () => {
    expect(signInHref({ pathname: '/tasks', search: '?status=failed' })).toBe(
      '/sign-in?next=%2Ftasks%3Fstatus%3Dfailed',
    );
  });
});
