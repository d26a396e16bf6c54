/**
 * The DATA_DIR lock within one process (two servers in separate processes are in
 * tests/reliability/data-dir-lock.test.ts): a second taker is refused with who holds it, a
 * released lock is taken again, and the note of a holder is never what decides.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir, OWNER_FILE, readOwner, type DataDirLock } from './data-dir-lock';
import { openScratchDir } from './scratch-dir';

const dirs: string[] = [];
const held: DataDirLock[] = [];
function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-lock-'));
  dirs.push(dir);
  return dir;
}
function take(dir: string, now?: number): DataDirLock {
  const lock = lockDataDir(dir, now);
  held.push(lock);
  return lock;
}
afterEach(() => {
  for (const lock of held.splice(0)) lock.release();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('refuses a second holder, naming the first: process id, host, start and address', () => {
    const dir = freshDir();
    const first = take(dir, Date.UTC(2025, 0, 2, 3, 4, 5));
    first.noteOrigin('http://127.0.0.1:3000');
    const refusal = (() => {
      try {
        take(dir);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(DataDirInUseError);
    const message = (refusal as Error).message;
    expect(message).toContain(`process ${process.pid} on ${os.hostname()}`);
    expect(message).toContain('started 2025-01-02T03:04:05.000Z');
    expect(message).toContain('at http://127.0.0.1:3000');
    expect(message).toContain('Nothing in the folder was changed.');
  });

  it('is taken again once released, and the holder’s note goes with it', () => {
    const dir = freshDir();
    const first = lockDataDir(dir);
    expect(readOwner(dir)).toMatchObject({ pid: process.pid, host: os.hostname(), origin: null });
    first.release();
    expect(fs.existsSync(path.join(dir, OWNER_FILE))).toBe(false);
    expect(() => take(dir)).not.toThrow();
  });

  it('goes by the lock, not the note: a note naming a live process does not keep a free folder', () => {
    const dir = freshDir();
    // This very process is alive, on this host: a pid check would believe the folder taken.
    fs.writeFileSync(path.join(dir, OWNER_FILE), JSON.stringify({ pid: process.pid, host: os.hostname() }));
    const lock = take(dir, 1234);
    expect(lock.holderId).toBe(`${process.pid}-1234`);
    expect(readOwner(dir)?.startedAt).toBe(new Date(1234).toISOString());
  });

  it('says so when the holder left no readable note', () => {
    const dir = freshDir();
    take(dir);
    fs.writeFileSync(path.join(dir, OWNER_FILE), 'not json');
    expect(() => lockDataDir(dir)).toThrow(/a process that left no note of which it is/);
  });
});

describe('openScratchDir', () => {
  it('makes this holder’s folder and sweeps those of earlier ones and the old shared one', () => {
    const dir = freshDir();
    const earlier = path.join(dir, 'scratch', '999-1');
    fs.mkdirSync(earlier, { recursive: true });
    fs.writeFileSync(path.join(earlier, 'tsk_x.mp4.part-abc'), 'half');
    fs.mkdirSync(path.join(dir, 'local-engine'));
    const scratch = openScratchDir(dir, '123-456');
    expect(scratch.path).toBe(path.join(dir, 'scratch', '123-456'));
    expect(scratch.swept).toBe(2);
    expect(fs.readdirSync(path.join(dir, 'scratch'))).toEqual(['123-456']);
    expect(fs.existsSync(path.join(dir, 'local-engine'))).toBe(false);
    scratch.remove();
    expect(fs.readdirSync(path.join(dir, 'scratch'))).toEqual([]);
  });
});
