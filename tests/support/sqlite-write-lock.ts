/**
 * Another process holding a SQLite database's write lock, as a backup or the sqlite3 shell
 * does: a real child process in an open write transaction until released.
 */
import { spawn } from 'node:child_process';

const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('locked\\n');
process.stdin.resume();
process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });
`;

export interface HeldLock {
  release(): Promise<void>;
}

export async function holdSqliteWriteLock(databaseFile: string, timeoutMs = 10_000): Promise<HeldLock> {
  const child = spawn(process.execPath, ['-e', HOLDER, databaseFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no write lock on ${databaseFile} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('locked')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before locking`)));
  });
  return {
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
