/**
 * Where SQLite's and PostgreSQL's SQL differ in the statements both stores build from parts:
 * how a parameter is written (`?` or `$1`), and the prompt search (SQLite's LIKE ignores ASCII
 * case already; PostgreSQL needs ILIKE).
 */
export interface SqlDialect {
  /** The placeholder of the `n`-th parameter (1-based). */
  placeholder(n: number): string;
  caseInsensitiveLike: 'LIKE' | 'ILIKE';
  /**
   * How the prompt search reaches its index: SQLite's FTS5 table, or PostgreSQL's trigram index
   * under ILIKE; `row-by-row` tests each row read with LIKE (SQLite's walk over the newest tasks).
   */
  fullTextSearch: 'fts5-trigram' | 'trigram-index' | 'row-by-row';
}

export const SQLITE: SqlDialect = {
  placeholder: () => '?',
  caseInsensitiveLike: 'LIKE',
  fullTextSearch: 'fts5-trigram',
};
/** SQLite testing the search on each row it reads instead of asking its FTS5 table. */
export const SQLITE_ROW_BY_ROW: SqlDialect = { ...SQLITE, fullTextSearch: 'row-by-row' };
export const POSTGRES: SqlDialect = {
  placeholder: (n) => `$${n}`,
  caseInsensitiveLike: 'ILIKE',
  fullTextSearch: 'trigram-index',
};

/**
 * An INSERT of `rows` into `table`: each row an object of column → value, every row with the
 * same columns in the same order (made by the row functions beside each table's mapping).
 * Table and column names are ours, never a caller's; every value is a bound parameter.
 */
export function insertSql(
  table: string,
  rows: readonly object[],
  dialect: SqlDialect,
): { text: string; values: unknown[] } {
  const columns = Object.keys(rows[0]!);
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = columns.map((column) => {
      values.push((row as Record<string, unknown>)[column]);
      return dialect.placeholder(values.length);
    });
    return `(${cells.join(', ')})`;
  });
  return { text: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values };
}
