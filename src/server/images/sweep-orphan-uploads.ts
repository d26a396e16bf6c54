/**
 * Upload files with no record: left when a process died between writing the file and storing
 * its record (a failed store removes its file itself, store-upload.ts). Swept on start, only
 * files older than a few minutes — an upload in flight is never swept — and a bounded number
 * per start, so a huge folder cannot hold the server back.
 */
import { parseMediaPath, type MediaStorage } from '@/server/media/media-storage';
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
  // Upload ids begin with their time, so names sort oldest first: the likeliest orphans are checked first.
  const stored = await media.list('uploads', limits.maxChecked);
  let removed = 0;
  for (const { name, modifiedAt } of stored) {
    const file = isUploadFileName(name) ? parseMediaPath(`uploads/${name}`) : null;
    if (!file || now - modifiedAt < limits.minAgeMs) continue;
    if (await uploads.getByFileName(name)) continue;
    await media.remove(file);
    removed++;
  }
  return removed;
}
