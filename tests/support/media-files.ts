/**
 * Test files in and out of a media storage through its interface (folder or bucket alike): a
 * local file stored under a media name, and a stored file copied out for ffprobe to read.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseMediaPath, type MediaStorage } from '@/server/media/media-storage';
import { mediaToFile } from '@/server/media/media-to-file';

export async function storeLocalFile(media: MediaStorage, relativePath: string, localPath: string): Promise<void> {
  const file = parseMediaPath(relativePath);
  if (!file) throw new Error(`not a media name: ${relativePath}`);
  const staged = media.stagingPath(file);
  await fs.copyFile(localPath, staged);
  await media.place(file, staged);
}

/** The stored file copied into `dir` (made if need be); its local path. */
export async function storedCopy(media: MediaStorage, relativePath: string, dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const local = path.join(dir, `${Date.now()}-${path.basename(relativePath)}`);
  return mediaToFile(media, relativePath, local);
}

/** The `/media/…` part of one of our media links, as a media name. */
export function mediaNameOf(url: string): string {
  return new URL(url).pathname.replace(/^\/media\//, '');
}
