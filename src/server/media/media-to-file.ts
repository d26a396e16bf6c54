/**
 * A stored file copied to a local path, for a tool that needs one (ffmpeg reads clips and
 * soundtracks by path): the same for a folder and a bucket, since callers never see where media lives.
 */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { MediaMissingError, parseMediaPath, type MediaStorage } from './media-storage';

export async function mediaToFile(
  media: MediaStorage,
  relativePath: string,
  localPath: string,
  signal?: AbortSignal,
): Promise<string> {
  const file = parseMediaPath(relativePath);
  if (!file) throw new MediaMissingError(relativePath);
  await pipeline(await media.read(file), createWriteStream(localPath, { flags: 'wx' }), { signal });
  return localPath;
}
