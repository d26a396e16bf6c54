/**
 * Upload files with no record: left when a process died between writing the file and storing
 * its record (a failed store removes its file itself, store-upload.ts). Swept on start, only
 * files older than a few minutes — an upload in flight is never swept — and a bounded number
 * per start, so a huge folder cannot hold the server back.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { MediaStorage } from '@/server/media/media-storage';
import type { UploadsStore } from '@/server/store/uploads-store';
import { isUploadFileName } from './read-image';

export const ORPHAN_MIN_AGE_MS = 10 * 60_000;
const MAX_CHECKED_PER_START = 2000;

export async function sweepOrphanUploads(
  media: MediaStorage,
  uploads: UploadsStore,
  now = Date.now(),
  limits = { minAgeMs: ORPHAN_MIN_AGE_MS, maxChecked: MAX_CHECKED_PER_START },
): Promise<number> {
  const dir = path.join(media.root, 'uploads');
  // Upload ids begin with their time, so names sort oldest first: the likeliest orphans are checked first.
  const names = (await fs.readdir(dir)).filter(isUploadFileName).sort();
  let removed = 0;
  for (const name of names.slice(0, limits.maxChecked)) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || now - stat.mtimeMs < limits.minAgeMs) continue;
    if (await uploads.getByFileName(name)) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}
