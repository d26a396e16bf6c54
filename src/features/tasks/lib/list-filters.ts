/**
 * The support list's filters live in the URL (`/tasks?status=failed&mode=pro&from=2026-03-01`,
 * `/tasks?attention=1` for the tasks that need a person),
 * so a filtered view can be reloaded and shared. Dates are whole days in the reader's time
 * zone in the URL, and instants (ISO) in the request to the server.
 */
import type { TaskListQueryInput } from '@/shared/contract';
import { MODES, type Mode } from '@/shared/pricing';
import { TASK_STATUSES, type TaskStatus } from '@/shared/status';

export interface ListFilters {
  status: TaskStatus[];
  mode: Mode | null;
  /** Not offered as a control (mode says the same for Hailuo), but a shared link may carry it. */
  model: string | null;
  /** `YYYY-MM-DD`, or '' for no bound. */
  from: string;
  to: string;
  q: string;
  /** Only the tasks that need a person (the engine may have billed a video we do not have). */
  attention: boolean;
  /** One batch's tasks (`?batch=bat_…`), '' for all. */
  batch: string;
}

export const EMPTY_FILTERS: ListFilters = {
  status: [],
  mode: null,
  model: null,
  from: '',
  to: '',
  q: '',
  attention: false,
  batch: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string | null): value is string {
  return value !== null && DAY.test(value) && !Number.isNaN(localDay(value).getTime());
}

function localDay(day: string): Date {
  // Without a zone, a date-time string is read as local time — what a person picking a day means.
  return new Date(`${day}T00:00:00`);
}

export function readListFilters(params: URLSearchParams): ListFilters {
  const status = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s));
  const mode = params.get('mode');
  const from = params.get('from');
  const to = params.get('to');
  return {
    // In the product's order, once each, so the same view always has the same URL and cache key.
    status: TASK_STATUSES.filter((s) => status.includes(s)),
    mode: (MODES as readonly string[]).includes(mode ?? '') ? (mode as Mode) : null,
    model: params.get('model') || null,
    from: isDay(from) ? from : '',
    to: isDay(to) ? to : '',
    q: (params.get('q') ?? '').slice(0, 500),
    attention: params.get('attention') === '1',
    batch: (params.get('batch') ?? '').trim().slice(0, 100),
  };
}

export function writeListFilters(filters: ListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status.length) params.set('status', filters.status.join(','));
  if (filters.mode) params.set('mode', filters.mode);
  if (filters.model) params.set('model', filters.model);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.attention) params.set('attention', '1');
  if (filters.batch.trim()) params.set('batch', filters.batch.trim());
  return params;
}

export function hasFilters(filters: ListFilters): boolean {
  return writeListFilters(filters).size > 0;
}

/** The first instant of a day, local time, as ISO. */
export function dayStartIso(day: string): string {
  return localDay(day).toISOString();
}

/** The last millisecond of a day, local time, as ISO (so "to" includes the whole day). */
export function dayEndIso(day: string): string {
  const next = localDay(day);
  next.setDate(next.getDate() + 1);
  return new Date(next.getTime() - 1).toISOString();
}

/** True when both days are set and "from" comes after "to": nothing can match. */
export function isRangeReversed(filters: Pick<ListFilters, 'from' | 'to'>): boolean {
  return Boolean(filters.from && filters.to && filters.from > filters.to);
}

/** The request's filters (everything but the cursor). */
export function toListQuery(filters: ListFilters, limit: number): Omit<TaskListQueryInput, 'cursor'> {
  return {
    status: filters.status.length ? filters.status.join(',') : undefined,
    mode: filters.mode ?? undefined,
    model: filters.model ?? undefined,
    from: filters.from ? dayStartIso(filters.from) : undefined,
    to: filters.to ? dayEndIso(filters.to) : undefined,
    q: filters.q.trim() || undefined,
    attention: filters.attention ? '1' : undefined,
    batch_id: filters.batch.trim() || undefined,
    limit,
  };
}

/** Adds or removes one status from a multi-choice filter, keeping the product's order. */
export function toggleStatus(selected: readonly TaskStatus[], status: TaskStatus): TaskStatus[] {
  const next = selected.includes(status) ? selected.filter((s) => s !== status) : [...selected, status];
  return TASK_STATUSES.filter((s) => next.includes(s));
}
