/**
 * A million tasks in the store: a page of the task list (the route's three queries at once: the
 * page, the counts per status, the attention count) with no filter, by status, by mode, by cursor, and
 * prompt searches, on SQLite and on PostgreSQL. The rows are written by one INSERT … SELECT of
 * generated rows (the store's own triggers fill the search index), once: the SQLite file is kept
 * under bench/results/ for the next run; PostgreSQL runs in a throwaway cluster, seeded each run.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { readConfig } from '@/server/config/config';
import { openStore } from '@/server/store/open-store';
import { DATABASE_FILE } from '@/server/store/sqlite/open-sqlite-store';
import type { Store } from '@/server/store/store';
import type { TaskListFilter } from '@/server/store/tasks-store';
import { ATTENTION_CODES } from '@/shared/errors';
import Database from 'better-sqlite3';
import { BUDGETS } from './budgets';
import { postgresInstalled, startPostgresCluster } from '../tests/support/postgres-cluster';

const COUNT = Number(process.env.BENCH_MILLION_TASKS ?? 1_000_000);
const SAMPLES = 3;
/* `sqlite`, `postgres` or both (the default). */
const STORES = (process.env.BENCH_MILLION_STORES ?? 'sqlite,postgres').split(',');
const START_MS = Date.UTC(2024, 0, 1);
const MOVES = ['slow push in', 'pan left', 'orbit', 'static shot', 'pull out', 'tilt up'];
const SUBJECTS = ['sneaker', 'perfume bottle', 'watch', 'coffee cup', 'headphones', 'lamp', 'backpack', 'candle'];
const SCENES = ['on marble', 'at sunset', 'in the rain', 'on a studio sweep', 'by the sea'];

/* Row i, in SQL over a generated column `i`; only the SQL around it differs between the two. */
function rowSql(pick: (list: string[], index: string) => string, id: string): string {
  const status = `CASE WHEN i % 50 = 49 THEN 'canceled' WHEN i % 10 = 9 THEN 'failed' ELSE 'succeeded' END`;
  return `SELECT ${id} AS id, 'local' AS engine, ${status} AS status, 'hailuo-2.3' AS model,
    CASE WHEN i % 3 = 0 THEN 'MiniMax-Hailuo-2.3-pro' ELSE 'MiniMax-Hailuo-2.3' END AS model_id,
    CASE WHEN i % 3 = 0 THEN 'pro' ELSE 'standard' END AS mode,
    ${pick(MOVES, 'i % 6')} || ' ' || ${pick(SUBJECTS, 'i % 8')} || ' ' || ${pick(SCENES, 'i % 5')} || ' take ' || i AS prompt,
    '/media/uploads/seed.jpg' AS image, '6' AS duration, '768P' AS resolution, 25 AS price_credits,
    CASE WHEN i % 10 = 9 AND i % 50 <> 49 THEN 'engine_failed' END AS error_code,
    ${START_MS} + i * 60000 AS created_at, ${START_MS} + i * 60000 + 45000 AS updated_at,
    ${START_MS} + i * 60000 + 45000 AS finished_at`;
}
const COLUMNS =
  'id, engine, status, model, model_id, mode, prompt, image, duration, resolution, price_credits, error_code, created_at, updated_at, finished_at';

const sqliteList = (list: string[], index: string) =>
  `json_extract('${JSON.stringify(list)}', '$[' || (${index}) || ']')`;
const pgList = (list: string[], index: string) => `(ARRAY[${list.map((s) => `'${s}'`).join(', ')}])[${index} + 1]`;

function seedSqlite(file: string): number {
  const db = new Database(file);
  try {
    const have = db.prepare('SELECT COUNT(*) FROM tasks').pluck().get() as number;
    if (have >= COUNT) return 0;
    const started = performance.now();
    db.exec('DELETE FROM tasks');
    db.exec(
      `INSERT INTO tasks (${COLUMNS}) WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${COUNT - 1}) ${rowSql(sqliteList, "printf('tsk_%026d', i)")} FROM n`,
    );
    db.exec('ANALYZE');
    return performance.now() - started;
  } finally {
    db.close();
  }
}

async function seedPostgres(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const started = performance.now();
    await client.query(
      `INSERT INTO tasks (${COLUMNS}) ${rowSql(pgList, "'tsk_' || lpad(i::text, 26, '0')")} FROM generate_series(0::bigint, ${COUNT - 1}) AS i`,
    );
    // Every table, the ones the triggers filled too, as autovacuum would have by then.
    await client.query('ANALYZE');
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

/*
 * The seed's million inserts each logged a change in PostgreSQL's tally; the first count folds
 * them, as a server's would after any burst, and vacuums the table. The bench waits for that,
 * and says how long it took.
 */
async function foldTally(store: Store, url: string): Promise<number> {
  const started = performance.now();
  const client = new pg.Client(url);
  await client.connect();
  try {
    for (;;) {
      await store.tasks.countByStatus({});
      // Folded, and the rows it deleted vacuumed away (a fold of a long log vacuums).
      const { rows } = await client.query(
        `SELECT (SELECT COUNT(*) FROM task_tallies) AS n,
          (SELECT last_vacuum FROM pg_stat_user_tables WHERE relid = 'task_tallies'::regclass) AS vacuumed`,
      );
      if (Number(rows[0].n) <= 100 && rows[0].vacuumed) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await client.end();
  }
}

const SEARCHES: [string, Omit<TaskListFilter, 'limit'>][] = [
  ['first page', {}],
  ['status failed', { statuses: ['failed'] }],
  ['mode pro', { mode: 'pro' }],
  ['page 5 by cursor', {}],
  ['search "sneaker" (1 in 8)', { q: 'sneaker' }],
  ['search "neak" (in a word)', { q: 'neak' }],
  ['search "take 123457" (1 row)', { q: 'take 123457' }],
  ['search "ou" (2 chars, by row)', { q: 'ou' }],
  ['search an id', { q: `tsk_${String(777_777 % COUNT).padStart(26, '0')}` }],
  // Its last ten characters, as support reads half of one; these ids share most trigrams ("000").
  ['search part of an id', { q: String(777_777 % COUNT).padStart(10, '0') }],
];

/** One page as GET /api/v1/tasks asks for it: 51 rows, the counts and the attention count, at once. */
async function page(store: Store, filter: Omit<TaskListFilter, 'limit'>): Promise<Timing> {
  const started = performance.now();
  const { statuses: _s, before: _b, ...countFilter } = filter;
  let rowsMs = 0;
  await Promise.all([
    store.tasks.list({ ...filter, limit: 51 }).then(() => (rowsMs = performance.now() - started)),
    store.tasks.countByStatus(countFilter),
    store.tasks.countByStatus({ ...countFilter, errorCodes: ATTENTION_CODES }),
  ]);
  return { rowsMs, pageMs: performance.now() - started };
}

interface Timing {
  /** The page's 51 rows: the filter and the search through their indexes. */
  rowsMs: number;
  /** With the counts per status and the attention count that the route adds. */
  pageMs: number;
}

async function measure(store: Store, name: string): Promise<Record<string, Timing>> {
  // Page 5: the cursor after four pages of the unfiltered list.
  let before: TaskListFilter['before'];
  for (let i = 0; i < 4; i++) {
    const last = (await store.tasks.list({ limit: 50, before })).at(-1)!;
    before = { createdAt: last.createdAt, id: last.id };
  }
  const figures: Record<string, Timing> = {};
  for (const [query, filter] of SEARCHES) {
    const f = query.startsWith('page 5') ? { before } : filter;
    await page(store, f);
    const times: Timing[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push(await page(store, f));
    const median = (key: keyof Timing) => times.map((t) => t[key]).sort((a, b) => a - b)[Math.floor(SAMPLES / 2)]!;
    figures[query] = { rowsMs: median('rowsMs'), pageMs: median('pageMs') };
    console.log(
      `  … ${name} ${query}: rows ${figures[query].rowsMs.toFixed(1)} ms, page ${figures[query].pageMs.toFixed(1)} ms`,
    );
  }
  return figures;
}

interface Side {
  seedMs: number;
  pages: Record<string, Timing>;
}

export interface MillionFigures {
  sqlite: Side | null;
  postgres: Side | null;
}

export async function benchMillionTasks(): Promise<MillionFigures> {
  return {
    sqlite: STORES.includes('sqlite') ? await onSqlite() : null,
    postgres: STORES.includes('postgres') && postgresInstalled() ? await onPostgres() : null,
  };
}

async function onSqlite(): Promise<Side> {
  const dataDir = path.resolve(`bench/results/million-${COUNT}-sqlite`);
  fs.mkdirSync(dataDir, { recursive: true });
  // Open once through the store, so every migration (and its search index) is in place.
  await (await openStore(readConfig({ DATA_DIR: dataDir }))).close();
  const seedMs = seedSqlite(path.join(dataDir, DATABASE_FILE));
  const store = await openStore(readConfig({ DATA_DIR: dataDir }));
  return { seedMs, pages: await measure(store, 'SQLite').finally(() => store.close()) };
}

async function onPostgres(): Promise<Side> {
  const cluster = await startPostgresCluster();
  const pgDir = fs.mkdtempSync(path.resolve('bench/results/million-pg-'));
  try {
    const config = readConfig({ DATA_DIR: pgDir, DATABASE_URL: cluster.url });
    await (await openStore(config)).close();
    const seedMs = await seedPostgres(cluster.url);
    const store = await openStore(config);
    try {
      const foldMs = await foldTally(store, cluster.url);
      console.log(
        `  … PostgreSQL: the tally's log of the seeded million changes folded in ${(foldMs / 1000).toFixed(1)} s`,
      );
      return { seedMs, pages: await measure(store, 'PostgreSQL') };
    } finally {
      await store.close();
    }
  } finally {
    await cluster.stop();
    fs.rmSync(pgDir, { recursive: true, force: true });
  }
}

export function printMillionTasks(figures: MillionFigures): boolean {
  const sides = [['SQLite', figures.sqlite] as const, ['PostgreSQL', figures.postgres] as const];
  let ok = true;
  console.log(
    `\nThe task list with ${COUNT.toLocaleString('en')} tasks: one page = 51 rows + counts + attention count, median of ${SAMPLES}`,
  );
  for (const [name, side] of sides) {
    if (!side) {
      console.log(`  ${name}: not measured (BENCH_MILLION_STORES, or not installed)`);
      continue;
    }
    console.log(`  ${name} (${side.seedMs ? `seeded in ${(side.seedMs / 1000).toFixed(1)} s` : 'seeded earlier'})`);
    for (const [query, { rowsMs, pageMs }] of Object.entries(side.pages)) {
      const within = pageMs <= BUDGETS.firstPageServerMs;
      ok &&= within;
      console.log(
        `    ${query.padEnd(32)} rows ${rowsMs.toFixed(1).padStart(7)} ms, with counts ${pageMs.toFixed(1).padStart(7)} ms ${within ? '' : 'OVER'}`,
      );
    }
  }
  console.log(`  target ≤ ${BUDGETS.firstPageServerMs} ms a page ${ok ? 'ok' : 'MISSED'}`);
  return ok;
}
