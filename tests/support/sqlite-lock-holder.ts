/**
 * Another process holding a SQLite file's write lock, as a backup or the sqlite3 shell does:
 * a child Node process opens the file with better-sqlite3, runs BEGIN IMMEDIATE and keeps the
 * transaction open until released (or, bounded, until `maxHoldMs` passes, then ends itself).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

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
