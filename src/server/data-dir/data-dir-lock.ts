/**
 * One server per DATA_DIR. The lock is taken before anything in the folder is read or changed
 * (no migration, no sweep, no scratch cleanup), so a second server started by mistake — or a
 * restart while the old process still runs — stops having touched nothing, and says who holds it.
 *
 * The lock is the kernel's (file-lock.ts): a server killed with SIGKILL holds nothing, and the
 * next start takes over at once. Beside it, a note names the holder (process id, host, start,
 * address) for that message only; the note is never what decides. The lock file itself is never
 * deleted: a holder keeps its lock on the file it opened, so removing and re-creating the name
 * would let a second server lock a new file while the first still holds the old one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tryLockFile } from './file-lock';

export const LOCK_FILE = 'server.lock';
export const OWNER_FILE = 'server-owner.json';

export interface DataDirOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** Where it listens, once it does. */
  origin: string | null;
}

export interface DataDirLock {
  /** This holder's name among the processes that ever held the folder: `<pid>-<start ms>`. */
  readonly holderId: string;
  /** Adds the address the server listens on to the note. */
  noteOrigin(origin: string): void;
  release(): void;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner | null,
  ) {
    super(inUseMessage(dataDir, owner));
    this.name = 'DataDirInUseError';
  }
}

export function lockDataDir(dataDir: string, now = Date.now()): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = tryLockFile(path.join(dataDir, LOCK_FILE));
  if (!lock) throw new DataDirInUseError(dataDir, readOwner(dataDir));
  const owner: DataDirOwner = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date(now).toISOString(),
    origin: null,
  };
  try {
    writeOwner(dataDir, owner);
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    holderId: `${process.pid}-${now}`,
    noteOrigin: (origin) => writeOwner(dataDir, { ...owner, origin }),
    release: () => {
      // The note goes first: once the lock is free, a next holder may already be writing its own.
      fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
      lock.release();
    },
  };
}

export function readOwner(dataDir: string): DataDirOwner | null {
  try {
    const note = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as Partial<DataDirOwner>;
    if (typeof note.pid !== 'number' || typeof note.host !== 'string') return null;
    return {
      pid: note.pid,
      host: note.host,
      startedAt: typeof note.startedAt === 'string' ? note.startedAt : '',
      origin: typeof note.origin === 'string' ? note.origin : null,
    };
  } catch {
    return null;
  }
}

/* Written beside and renamed into place: a reader sees the old note or the new one, never half. */
function writeOwner(dataDir: string, owner: DataDirOwner): void {
  const target = path.join(dataDir, OWNER_FILE);
  const part = `${target}.part-${process.pid}`;
  fs.writeFileSync(part, `${JSON.stringify(owner, null, 2)}\n`);
  fs.renameSync(part, target);
}

function inUseMessage(dataDir: string, owner: DataDirOwner | null): string {
  const who = owner
    ? `process ${owner.pid} on ${owner.host}${owner.startedAt ? `, started ${owner.startedAt}` : ''}${owner.origin ? `, at ${owner.origin}` : ''}`
    : 'a process that left no note of which it is';
  return [
    `DATA_DIR ${dataDir} is in use by another Hailuo Studio server: ${who}.`,
    'Stop that server first, or give this one a DATA_DIR of its own. Nothing in the folder was changed.',
  ].join('\n');
}
