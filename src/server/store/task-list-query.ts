/** Builds the WHERE clause of the task list from its filters, for either database; every value is a bound parameter. */
import type { SqlDialect } from './sql-dialect';
import type { TaskListFilter } from './tasks-store';

export interface SqlFragment {
  where: string;
  params: unknown[];
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Trigram indexes answer a substring of three characters or more; a shorter one is looked for row by row. */
const INDEXED_SEARCH_MIN_CHARS = 3;

/** Whether the trigram indexes can answer a search for `q` (already trimmed). */
export function indexedSearch(q: string): boolean {
  return [...q].length >= INDEXED_SEARCH_MIN_CHARS;
}

/*
 * The prompt holds `q` anywhere, in any case (ASCII). PostgreSQL's ILIKE uses the trigram GIN
 * index by itself. SQLite's LIKE cannot reach the FTS5 table, so the search asks that table for
 * the phrase (with the trigram tokenizer a phrase is a substring, case folded) and takes the ids;
 * or, row by row, tests each row it reads with LIKE.
 */
function promptMatch(q: string, dialect: SqlDialect, p: (value: unknown) => string): string {
  if (dialect.fullTextSearch !== 'fts5-trigram' || !indexedSearch(q))
    return `prompt ${dialect.caseInsensitiveLike} ${p(`%${escapeLike(q)}%`)} ESCAPE '\\'`;
  return `id IN (SELECT task_id FROM tasks_prompt_search WHERE tasks_prompt_search MATCH ${p(ftsPhrase(q))})`;
}

/** `q` as one FTS5 phrase: with the trigram tokenizer, a substring in any case; quotes are only text. */
export function ftsPhrase(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

/*
 * Part of an id finds its task (support is often read half of one over the phone), through a
 * trigram index of ids. Only text shaped like an id fragment asks for it: six or more letters,
 * digits, `_` or `-`, with a digit among them. Anything else (words of a prompt) matches ids
 * exactly, by their own index.
 */
const ID_FRAGMENT = /^(?=.*\d)[A-Za-z0-9_-]{6,}$/;
/* One of our whole ids (new-id.ts), in any case: it is nobody's fragment, and its own index finds it. */
const WHOLE_ID = /^[a-z]{3}_[0-9a-z]{26}$/i;

export function idMatch(q: string, dialect: SqlDialect, p: (value: unknown) => string): string {
  if (WHOLE_ID.test(q)) return `id = ${p(q.toLowerCase())} OR upstream_task_id = ${p(q)}`;
  if (!ID_FRAGMENT.test(q)) return `id = ${p(q)} OR upstream_task_id = ${p(q)}`;
  // Each database keeps a table of every task's ids with a trigram index (FTS5; pg_trgm under
  // ILIKE); row by row, the ids themselves. Any of them ignores case.
  if (dialect.fullTextSearch === 'fts5-trigram')
    return `id IN (SELECT task_id FROM tasks_id_search WHERE tasks_id_search MATCH ${p(ftsPhrase(q))})`;
  const like = `%${escapeLike(q)}%`;
  // As an array computed once, the ids match by the primary key, which PostgreSQL can OR with
  // the prompt's index; `IN (subquery)` would be tested row by row against every task instead.
  if (dialect.fullTextSearch === 'trigram-index')
    return `id = ANY(ARRAY(SELECT task_id FROM task_id_search WHERE ids ILIKE ${p(like)} ESCAPE '\\'))`;
  return `id LIKE ${p(like)} ESCAPE '\\' OR upstream_task_id LIKE ${p(like)} ESCAPE '\\'`;
}

/** `firstParam`: the number of the first placeholder, when the statement has parameters before these. */
export function taskListWhere(filter: Omit<TaskListFilter, 'limit'>, dialect: SqlDialect, firstParam = 1): SqlFragment {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return dialect.placeholder(firstParam + params.length - 1);
  };
  const list = (values: readonly unknown[]) => values.map(p).join(', ');
  if (filter.statuses?.length) clauses.push(`status IN (${list(filter.statuses)})`);
  if (filter.modelId) clauses.push(`model_id = ${p(filter.modelId)}`);
  if (filter.mode) clauses.push(`mode = ${p(filter.mode)}`);
  if (filter.batchId) clauses.push(`batch_id = ${p(filter.batchId)}`);
  if (filter.hidden === false) clauses.push('hidden_at IS NULL');
  if (filter.ids?.length) clauses.push(`id IN (${list(filter.ids)})`);
  if (filter.errorCodes?.length) clauses.push(`error_code IN (${list(filter.errorCodes)})`);
  if (filter.fromMs !== undefined) clauses.push(`created_at >= ${p(filter.fromMs)}`);
  if (filter.toMs !== undefined) clauses.push(`created_at <= ${p(filter.toMs)}`);
  if (filter.q) {
    const q = filter.q.trim();
    clauses.push(`(${promptMatch(q, dialect, p)} OR ${idMatch(q, dialect, p)})`);
  }
  if (filter.before) {
    const { createdAt, id } = filter.before;
    clauses.push(`(created_at < ${p(createdAt)} OR (created_at = ${p(createdAt)} AND id < ${p(id)}))`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
