/**
 * A small, real file system for full-disk tests: a tmpfs of a few megabytes, mounted for the
 * test (as root; CI runs as root) and unmounted after it. Filling it makes every write on it
 * fail with ENOSPC from the kernel, as on a full disk. Where mounting is not allowed, `mount`
 * says why, so the test can be skipped saying so.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILLER = 'filler.bin';
const CHUNK = Buffer.alloc(64 * 1024);

export interface SmallDisk {
  dir: string;
  /** Bytes still free for anyone. */
  freeBytes(): number;
  /** Fills the disk until about `leave` bytes are free (0: full to the last block). */
  fill(leave?: number): void;
  /** Frees what `fill` took. */
  empty(): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMb: number): SmallDisk | { skipped: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const why = (error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message;
    return { skipped: `cannot mount a ${sizeMb} MB tmpfs here (needs root): ${why}` };
  }
  const filler = path.join(dir, FILLER);
  const freeBytes = () => {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize;
  };
  return {
    dir,
    freeBytes,
    fill(leave = 0) {
      const fd = fs.openSync(filler, 'a');
      try {
        // Whole chunks while they fit above `leave`, then single blocks: the kernel says when it is full.
        while (freeBytes() - CHUNK.length >= leave) fs.writeSync(fd, CHUNK);
        const block = fs.statfsSync(dir).bsize;
        while (freeBytes() - block >= leave) fs.writeSync(fd, CHUNK, 0, block);
        if (leave === 0) fs.writeSync(fd, CHUNK, 0, block);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        fs.closeSync(fd);
      }
    },
    empty() {
      fs.rmSync(filler, { force: true });
    },
    unmount() {
      // Lazily: a server process killed a moment ago may still hold a file open.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
