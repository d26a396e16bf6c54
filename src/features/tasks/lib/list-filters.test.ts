import { describe, expect, it } from 'vitest';
import { taskListQuerySchema } from '@/shared/contract';
import {
  EMPTY_FILTERS,
  dayEndIso,
  dayStartIso,
  isRangeReversed,
  readListFilters,
  toListQuery,
  toggleStatus,
  writeListFilters,
} from './list-filters';

describe('readListFilters', () => {
  it('reads a shared link and drops what it does not understand', () => {
    const filters = readListFilters(
      new URLSearchParams(
        'status=failed,bogus,queued,failed&mode=ultra&from=2026-03-01&to=yesterday&q=dog&attention=yes',
      ),
    );
    expect(filters).toEqual({
      status: ['queued', 'failed'],
      mode: null,
      model: null,
      from: '2026-03-01',
      to: '',
      q: 'dog',
      attention: false,
      batch: '',
    });
  });

  it('writes back the same URL it reads, leaving out empty filters', () => {
    const url =
      'status=running%2Cfailed&mode=pro&from=2026-03-01&to=2026-03-09&q=sunset+dog&attention=1&batch=bat_01m8';
    expect(writeListFilters(readListFilters(new URLSearchParams(url))).toString()).toBe(url);
    expect(writeListFilters(EMPTY_FILTERS).toString()).toBe('');
  });
});

describe('toListQuery', () => {
  it('turns days into a whole-day range of instants the server accepts', () => {
    const query = toListQuery({ ...EMPTY_FILTERS, status: ['failed'], from: '2026-03-01', to: '2026-03-01' }, 50);
    const parsed = taskListQuerySchema.parse(query);
    expect(parsed.status).toEqual(['failed']);
    expect(Date.parse(parsed.to ?? '') - Date.parse(parsed.from ?? '')).toBe(86_400_000 - 1);
    expect(Date.parse(dayStartIso('2026-03-01'))).toBe(new Date(2026, 2, 1).getTime());
    expect(Date.parse(dayEndIso('2026-03-01'))).toBe(new Date(2026, 2, 2).getTime() - 1);
  });

  it('sends nothing for empty filters but the page size', () => {
    expect(toListQuery({ ...EMPTY_FILTERS, q: '   ' }, 50)).toEqual({
      status: undefined,
      mode: undefined,
      model: undefined,
      from: undefined,
      to: undefined,
      q: undefined,
      attention: undefined,
      limit: 50,
    });
  });

  it('asks for the tasks that need a person in words the server accepts', () => {
    const parsed = taskListQuerySchema.parse(toListQuery({ ...EMPTY_FILTERS, attention: true }, 50));
    expect(parsed.attention).toBe('1');
  });
});

describe('toggleStatus and isRangeReversed', () => {
  it('adds and removes a status, keeping the product order', () => {
    expect(toggleStatus(['failed'], 'queued')).toEqual(['queued', 'failed']);
    expect(toggleStatus(['queued', 'failed'], 'failed')).toEqual(['queued']);
  });

  it('notices a range that ends before it starts', () => {
    expect(isRangeReversed({ from: '2026-03-05', to: '2026-03-01' })).toBe(true);
    expect(isRangeReversed({ from: '2026-03-01', to: '' })).toBe(false);
  });
});
