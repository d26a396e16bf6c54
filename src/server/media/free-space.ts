/**
 * Our own large writes (a render, a copied video, an upload) never take the disk's last bytes:
 * each first checks that it leaves STORAGE_HEADROOM_BYTES free, so the database can still
 * record what happened (a task that failed, a copy that waits) and a full disk ends a task in
 * seconds rather than stalling its every write. A disk that fills during the write still fails
 * it (ENOSPC); this only keeps us from filling it ourselves.
 */
import fs from 'node:fs/promises';
import { isStorageFull } from '@/server/faults/storage-full';

export const STORAGE_HEADROOM_BYTES = 4 * 1024 * 1024;

/** Not enough room for a write: told as the full disk it would make (code ENOSPC). */
export class StorageFullError extends Error {
  readonly code = 'ENOSPC';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StorageFullError';
  }
}

export async function freeBytes(dir: string): Promise<number> {
  const stats = await fs.statfs(dir);
  return stats.bavail * stats.bsize;
}

/** Throws StorageFullError unless `bytes` fit in `dir`'s file system with the headroom left over. */
export async function ensureRoom(dir: string, bytes: number, what: string): Promise<void> {
  const free = await freeBytes(dir);
  if (free >= bytes + STORAGE_HEADROOM_BYTES) return;
  throw new StorageFullError(
    `No space left on device for ${what}: it needs about ${megabytes(bytes)}, ${megabytes(free)} is free, and ${megabytes(STORAGE_HEADROOM_BYTES)} is kept for the database.`,
  );
}

/**
 * A write that failed while the disk is all but full failed for lack of space, whatever the
 * tool said: ffmpeg can exit 0 leaving an MP4 cut short, and the next step reads "moov atom
 * not found". Told as the full disk it was, with the tool's words as its cause.
 */
export async function asStorageFullWhenLow(error: unknown, dir: string): Promise<unknown> {
  if (isStorageFull(error)) return error;
  const free = await freeBytes(dir).catch(() => Number.POSITIVE_INFINITY);
  if (free >= STORAGE_HEADROOM_BYTES) return error;
  return new StorageFullError(`No space left on device: ${megabytes(free)} was free when it failed.`, { cause: error });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
