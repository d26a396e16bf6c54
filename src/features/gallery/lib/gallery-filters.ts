/** The gallery's filters as they live in the address bar (?status=&mode=&q=), and as the API wants them. */
import { MODES, type Mode } from '@/shared/pricing';
import type { TaskListFilters } from '@/lib/api/get-tasks';

export const STATUS_FILTERS = ['all', 'active', 'succeeded', 'failed', 'canceled'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  all: 'All',
  active: 'In progress',
  succeeded: 'Ready',
  failed: 'Failed',
  canceled: 'Canceled',
};

export interface GalleryFilters {
  status: StatusFilter;
  mode: Mode | 'all';
  q: string;
}

export const NO_FILTERS: GalleryFilters = { status: 'all', mode: 'all', q: '' };

export function parseFilters(params: URLSearchParams): GalleryFilters {
  const status = params.get('status');
  const mode = params.get('mode');
  return {
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? '') ? (status as StatusFilter) : 'all',
    mode: (MODES as readonly string[]).includes(mode ?? '') ? (mode as Mode) : 'all',
    q: params.get('q')?.slice(0, 500) ?? '',
  };
}

/** Writes the filters back into the address, leaving other parameters alone and defaults out. */
export function writeFilters(params: URLSearchParams, filters: GalleryFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, unset: string) =>
    value === unset ? next.delete(key) : next.set(key, value);
  set('status', filters.status, 'all');
  set('mode', filters.mode, 'all');
  set('q', filters.q.trim(), '');
  return next;
}

export function isFiltered(filters: GalleryFilters): boolean {
  return filters.status !== 'all' || filters.mode !== 'all' || filters.q.trim() !== '';
}

/* "In progress" is two statuses to the server. */
const STATUS_QUERY: Record<StatusFilter, string | undefined> = {
  all: undefined,
  active: 'queued,running',
  succeeded: 'succeeded',
  failed: 'failed',
  canceled: 'canceled',
};

/* The gallery leaves out what a person hid (support's list shows everything). */
export function toListQuery(filters: GalleryFilters): TaskListFilters {
  const query: TaskListFilters = { hidden: '0' };
  const status = STATUS_QUERY[filters.status];
  if (status) query.status = status;
  if (filters.mode !== 'all') query.mode = filters.mode;
  if (filters.q.trim()) query.q = filters.q.trim();
  return query;
}
