/**
 * One SQLite file as the stores use it: WAL, prepared statements kept, numbered migrations, and
 * waits for another process's lock that never block the event loop.
 *
 * better-sqlite3 is synchronous, and that is kept on purpose: every store call runs its
 * statements (a whole transaction) in one synchronous piece, so nothing else in this process
 * runs in between, and reads on the hot path cost no more than the statement itself. What must
 * not be synchronous is waiting: with SQLite's `busy_timeout` a call blocked on a lock that
 * another process holds (a backup, the sqlite3 shell, the `keys` command) stalls the whole
 * server until it gives up. So the timeout is 0 — a locked call fails at once — and the call is
 * tried again on a timer, with backoff, up to `busyWaitMs`; then StoreUnavailableError (503).
 * A failed attempt wrote nothing (the transaction rolled back), so trying again is safe.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { StoreUnavailableError } from '../store-unavailable';

export interface SqliteOptions {
  /** How long a call waits, in all, for another process's lock before it is refused. */
  busyWaitMs?: number;
}

/* Opening and migrating happen before the server answers anything: there a blocking wait is harmless. */
const OPEN_BUSY_TIMEOUT_MS = 5000;
const DEFAULT_BUSY_WAIT_MS = 2000;
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 200;

function isLocked(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export class SqliteDatabase {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly busyWaitMs: number;

  constructor(
    readonly db: Database.Database,
    options: SqliteOptions = {},
  ) {
    this.busyWaitMs = options.busyWaitMs ?? DEFAULT_BUSY_WAIT_MS;
  }

  /** The statement for `sql`, prepared once (the list query's shapes vary with its filters). */
  prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs `work` (synchronous statements), tried again while another process holds a lock. */
  async run<T>(work: () => T): Promise<T> {
    try {
      return work();
    } catch (error) {
      if (!isLocked(error)) throw error;
      return this.retry(work, error);
    }
  }

  /** Rows of one statement (one call, tried again while locked like any other). */
  all<T>(sql: string, ...params: unknown[]): Promise<T[]> {
    return this.run(() => this.prepare(sql).all(...params) as T[]);
  }

  /** The first row of one statement, or undefined. */
  get<T>(sql: string, ...params: unknown[]): Promise<T | undefined> {
    return this.run(() => this.prepare(sql).get(...params) as T | undefined);
  }

  /** Runs one writing statement; answers how many rows it changed. */
  write(sql: string, ...params: unknown[]): Promise<number> {
    return this.run(() => this.prepare(sql).run(...params).changes);
  }

  /**
   * `work` as one transaction. `immediate` (the default) takes the write lock first, so it either
   * gets it or fails before doing anything. `deferred` is for work that mostly only reads (the
   * tracker's claims, several a second with nothing due): it takes the write lock only if it
   * writes; should another process have written in between, the attempt fails whole and is run
   * again like any locked one.
   */
  transaction<T>(work: () => T, begin: 'immediate' | 'deferred' = 'immediate'): Promise<T> {
    return this.run(() => this.db.transaction(work)[begin]());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private async retry<T>(work: () => T, first: unknown): Promise<T> {
    const deadline = Date.now() + this.busyWaitMs;
    let last = first;
    for (let wait = FIRST_RETRY_MS; Date.now() + wait <= deadline; wait = Math.min(MAX_RETRY_MS, wait * 2)) {
      await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random() / 2)));
      try {
        return work();
      } catch (error) {
        if (!isLocked(error)) throw error;
        last = error;
      }
    }
    throw new StoreUnavailableError('busy', (last as Error).message);
  }
}

/** Opens `file` in WAL mode and applies the migrations it has not seen (SQLite's `user_version` says which ran). */
export function openSqliteDatabase(
  file: string,
  migrations: readonly string[],
  options: SqliteOptions = {},
): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  db.pragma('busy_timeout = 0');
  return new SqliteDatabase(db, options);
}

function migrate(db: Database.Database, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(
      `The database was written by a newer version of this server (schema ${current}, this one knows ${migrations.length}).`,
    );
  }
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]!);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}
