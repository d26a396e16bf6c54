/** Builds the WHERE clause of the task list from its filters; every value is a bound parameter. */
import type { TaskListFilter } from '../tasks-store';

export interface SqlFragment {
  where: string;
  params: unknown[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

export function taskListWhere(filter: Omit<TaskListFilter, 'limit'>): SqlFragment {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  if (filter.statuses?.length) add(`status IN (${placeholders(filter.statuses.length)})`, ...filter.statuses);
  if (filter.modelId) add('model_id = ?', filter.modelId);
  if (filter.mode) add('mode = ?', filter.mode);
  if (filter.batchId) add('batch_id = ?', filter.batchId);
  if (filter.ids?.length) add(`id IN (${placeholders(filter.ids.length)})`, ...filter.ids);
  if (filter.fromMs !== undefined) add('created_at >= ?', filter.fromMs);
  if (filter.toMs !== undefined) add('created_at <= ?', filter.toMs);
  if (filter.q) {
    // Part of an id finds its task too: support is often read an id over the phone, or half of one.
    const like = `%${escapeLike(filter.q.trim())}%`;
    add(
      "(prompt LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR upstream_task_id LIKE ? ESCAPE '\\')",
      like,
      like,
      like,
    );
  }
  if (filter.before) {
    add(
      '(created_at < ? OR (created_at = ? AND id < ?))',
      filter.before.createdAt,
      filter.before.createdAt,
      filter.before.id,
    );
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
