import { describe, expect, it } from 'vitest';
import { NO_FILTERS, isFiltered, parseFilters, toListQuery, writeFilters } from './gallery-filters';

describe('gallery filters', () => {
  it('reads the address bar and ignores values it does not know', () => {
    expect(parseFilters(new URLSearchParams('status=failed&mode=pro&q=cat'))).toEqual({
      status: 'failed',
      mode: 'pro',
      q: 'cat',
    });
    expect(parseFilters(new URLSearchParams('status=bogus&mode=ultra'))).toEqual(NO_FILTERS);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const written = writeFilters(new URLSearchParams('status=failed&other=1'), { status: 'all', mode: 'pro', q: '  ' });
    expect(written.toString()).toBe('other=1&mode=pro');
  });

  it('asks the server for both unfinished statuses under "In progress"', () => {
    // The gallery never lists what a person hid (issue 19): `hidden: '0'` on every query.
    expect(toListQuery({ status: 'active', mode: 'all', q: ' dog ' })).toEqual({
      status: 'queued,running',
      q: 'dog',
      hidden: '0',
    });
    expect(toListQuery(NO_FILTERS)).toEqual({ hidden: '0' });
  });

  it('knows when the view is filtered', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, q: 'x' })).toBe(true);
  });
});
