/**
 * The PostgreSQL connection pool as the stores use it (node-postgres, `pg`): numbers come back
 * as numbers, every wait is bounded, and a database that cannot answer now is a
 * StoreUnavailableError (503, Retry-After) rather than a 500.
 *
 * Bounded waits, all asynchronous (nothing here blocks the event loop): a free connection
 * within `connectTimeoutMs` (else the pool is exhausted or the server unreachable), a row or
 * table lock within `lock_timeout`, any statement within `statement_timeout`, and a transaction
 * left idle by a stuck caller is ended by the server. A transaction that lost a deadlock or a
 * serialization race is tried again whole, a few times, with backoff.
 */
import pg from 'pg';
import { StoreUnavailableError } from '../store-unavailable';

export interface PgOptions {
  /** Connections this server keeps at most (DATABASE_POOL_SIZE). */
  poolSize?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  lockTimeoutMs?: number;
}

/** What a store runs statements on: the pool, or one transaction's connection. */
export interface Sql {
  rows<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined. */
  row<T>(text: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** Runs a writing statement; answers how many rows it changed. */
  write(text: string, params?: readonly unknown[]): Promise<number>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
/*
 * BIGINT (our epoch-millisecond timestamps, COUNT(*), SUM of integers) and NUMERIC come back
 * from the driver as strings, since they can exceed 2^53. Ours never do (a timestamp is ~2^41,
 * credits far less), so they are read as numbers, on this pool only (the driver's global table
 * is left alone).
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/* SQLSTATEs that mean "not now" — worth answering 503 and trying again — rather than a wrong request. */
const RETRY_TRANSACTION = new Set(['40001', '40P01']); // serialization failure, deadlock
const UNAVAILABLE_CLASSES = ['08', '53', '57']; // connection, resources, operator intervention (incl. statement timeout)
const UNAVAILABLE_STATES = new Set(['55P03', '40001', '40P01']); // lock_not_available (lock_timeout)
const UNREACHABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
const MAX_TRANSACTION_TRIES = 4;

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The driver's error as the stores report it: "not now" becomes StoreUnavailableError; anything else as it was. */
export function storeError(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof StoreUnavailableError) return error;
  const code = sqlState(error);
  if (code && (UNAVAILABLE_STATES.has(code) || UNAVAILABLE_CLASSES.includes(code.slice(0, 2)))) {
    return new StoreUnavailableError('busy', error.message);
  }
  if (
    (code && UNREACHABLE_ERRNO.has(code)) ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(error.message)
  ) {
    return new StoreUnavailableError('unreachable', error.message);
  }
  return error;
}

/* PostgreSQL text cannot hold U+0000; it becomes U+FFFD, as a lone surrogate does in both databases. */
function storable(params: readonly unknown[]): unknown[] {
  return params.map((value) =>
    typeof value === 'string' && value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value,
  );
}

function sqlOn(queryable: pg.Pool | pg.PoolClient): Sql {
  const query = async (text: string, params: readonly unknown[]) => {
    try {
      return await queryable.query(text, storable(params));
    } catch (error) {
      throw storeError(error);
    }
  };
  return {
    rows: async (text, params = []) => (await query(text, params)).rows,
    row: async (text, params = []) => (await query(text, params)).rows[0],
    write: async (text, params = []) => (await query(text, params)).rowCount ?? 0,
  };
}

export class PgDatabase implements Sql {
  readonly rows: Sql['rows'];
  readonly row: Sql['row'];
  readonly write: Sql['write'];
  private closing: Promise<void> | undefined;

  constructor(readonly pool: pg.Pool) {
    ({ rows: this.rows, row: this.row, write: this.write } = sqlOn(pool));
  }

  /** `work` in one transaction (READ COMMITTED), committed whole or not at all. */
  async transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(sqlOn(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback));
        const code = sqlState(error);
        if (code && RETRY_TRANSACTION.has(code) && attempt < MAX_TRANSACTION_TRIES) {
          await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt * Math.random()));
          continue;
        }
        throw storeError(error);
      } finally {
        // A connection whose rollback failed is not given to the next caller.
        client.release(broken);
      }
    }
  }

  /** Ends the pool once; a second close (a stop after a stop) is a no-op, as with SQLite. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw storeError(error);
    }
  }
}

export function createPool(url: string, options: PgOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
    statement_timeout: options.statementTimeoutMs ?? 5000,
    lock_timeout: options.lockTimeoutMs ?? 2000,
    idle_in_transaction_session_timeout: 15_000,
    idleTimeoutMillis: 30_000,
    application_name: 'hailuo-studio',
    types,
  });
  // An idle connection the server dropped (a restart, a failover): the pool replaces it; without
  // a listener the error would end the process.
  pool.on('error', () => {});
  return pool;
}
