/**
 * The task list's counts per status, for either database, without reading every matching task.
 *
 * A tally table, moved by triggers on every insert, delete and change of a counted column,
 * holds how many tasks there are per status, model, mode, hidden or not and error code. A
 * filter of only those columns (the gallery, the support list, /metrics) is answered from it
 * exactly, in a handful of rows, however many tasks there are.
 *
 * A filter the tally cannot answer (a search, a time range, a batch, ids) counts its matching
 * tasks up to a cap, as search engines do ("1,000+"): a batch or a list of ids is small anyway,
 * and a search that matches more than the cap says so instead of reading every match.
 */
import { COUNT_CAP } from '@/shared/contract';
import { TASK_STATUSES, type TaskStatus } from '@/shared/status';
import type { SqlDialect } from './sql-dialect';
import { taskListWhere } from './task-list-query';
import type { TaskCountFilter } from './tasks-store';

export interface StatusCounts {
  counts: Record<TaskStatus, number>;
  /** True when more tasks matched than were counted: each count is then a lower bound. */
  capped: boolean;
}

/** The filters the tally answers: every other one must be absent. */
export function talliedFilter(filter: TaskCountFilter): boolean {
  return !filter.q && !boundedFilter(filter) && filter.fromMs === undefined && filter.toMs === undefined;
}

/**
 * `SELECT status, n` from the tally for a filter `talliedFilter` accepts; `entries`, the tally rows
 * summed, tells PostgreSQL's store when its log wants folding.
 */
export function tallySql(filter: TaskCountFilter, dialect: SqlDialect): { text: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const p = (value: unknown) => {
    values.push(value);
    return dialect.placeholder(values.length);
  };
  if (filter.modelId) clauses.push(`model_id = ${p(filter.modelId)}`);
  if (filter.mode) clauses.push(`mode = ${p(filter.mode)}`);
  if (filter.hidden === false) clauses.push('hidden = 0');
  if (filter.errorCodes?.length) clauses.push(`error_code IN (${filter.errorCodes.map(p).join(', ')})`);
  const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
  return { text: `SELECT status, SUM(n) AS n, COUNT(*) AS entries FROM task_tallies ${where} GROUP BY status`, values };
}

/** A batch or a list of ids: few tasks whatever the store holds, counted whole. */
export function boundedFilter(filter: TaskCountFilter): boolean {
  return Boolean(filter.batchId || filter.ids?.length);
}

/**
 * `SELECT status, n` over at most `COUNT_CAP + 1` matching tasks. A batch or ids bound the rows
 * by themselves and are counted whole.
 */
export function cappedCountSql(filter: TaskCountFilter, dialect: SqlDialect): { text: string; values: unknown[] } {
  const { where, params } = taskListWhere(filter, dialect);
  const limit = boundedFilter(filter) ? '' : ` LIMIT ${COUNT_CAP + 1}`;
  return {
    text: `SELECT status, COUNT(*) AS n FROM (SELECT status FROM tasks ${where}${limit}) m GROUP BY status`,
    values: params,
  };
}

/** Rows of `status, n` as a count for every status, capped when they add up past the cap of an unbounded count. */
export function toStatusCounts(
  rows: readonly { status: TaskStatus; n: number | string }[],
  cappable: boolean,
): StatusCounts {
  const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { counts, capped: cappable && total > COUNT_CAP };
}
