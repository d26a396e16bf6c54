/**
 * An exclusive lock on a file, held by this process until it releases it or ends — however it
 * ends: the kernel drops the lock with the process, SIGKILL and crashes included, so a lock is
 * never left stale and no process id has to be trusted (ids are reused, after a reboot at once).
 *
 * Node has no flock(); SQLite, already ours through better-sqlite3, takes the operating system's
 * own locks (fcntl on Unix, LockFileEx on Windows). The file is an empty SQLite database in
 * exclusive locking mode: the first transaction takes the EXCLUSIVE lock and keeps it until the
 * connection closes. A second opener, in another process or in this one, gets SQLITE_BUSY at once.
 */
import Database from 'better-sqlite3';

export interface FileLock {
  release(): void;
}

/** The lock, or null when another holder has it. */
export function tryLockFile(file: string): FileLock | null {
  const db = new Database(file, { timeout: 0 });
  try {
    // The journal in memory: no `-journal` file beside the lock.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT;');
  } catch (error) {
    db.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return null;
    throw error;
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}
