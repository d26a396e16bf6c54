/**
 * Another process holding the database's write lock, as a backup, the sqlite3 shell or a long
 * migration does. For SQLite a child Node process opens the file with better-sqlite3, runs
 * BEGIN IMMEDIATE and keeps the transaction open until released (or, bounded, until
 * `maxHoldMs` passes, then ends itself). For PostgreSQL another session (its own server
 * process) locks the tables that submits and uploads write, readers still let through.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { DATABASE_FILE } from '@/server/store/sqlite/open-sqlite-store';
import { onPostgres, testDatabaseEnv } from './test-database';

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
const end = () => { try { db.exec('ROLLBACK'); db.close(); } finally { process.exit(0); } };
process.stdin.on('data', end);
process.stdin.on('end', end);
setTimeout(end, Number(process.argv[2]));
`;

export interface LockHolder {
  pid: number;
  release(): Promise<void>;
}

export async function holdSqliteWriteLock(file: string, maxHoldMs = 30_000): Promise<LockHolder> {
  const child = spawn(process.execPath, ['-e', HOLDER, file, String(maxHoldMs)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => (line === 'locked' ? resolve() : reject(new Error(`lock holder said: ${line}`))));
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before it held the lock`)));
  });
  return {
    pid: child.pid!,
    release: async () => {
      child.stdin!.end('release\n');
      await exited;
    },
  };
}

/** The write lock of the database a test server on `dataDir` uses (test-database.ts decides which). */
export async function holdDatabaseWriteLock(dataDir: string): Promise<LockHolder> {
  if (!onPostgres()) return holdSqliteWriteLock(path.join(dataDir, DATABASE_FILE));
  const client = new pg.Client((await testDatabaseEnv(dataDir)).DATABASE_URL);
  await client.connect();
  await client.query('BEGIN');
  // EXCLUSIVE lets reads through, as SQLite's write lock does in WAL mode.
  await client.query('LOCK TABLE tasks, task_events, idempotency_keys, uploads, ledger IN EXCLUSIVE MODE');
  const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
  const bound = setTimeout(() => void client.end(), 30_000);
  return {
    pid,
    release: async () => {
      clearTimeout(bound);
      await client.query('ROLLBACK').catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
