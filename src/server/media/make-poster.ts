import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { FFMPEG_PATH } from './tool-paths';
import { runTool } from './run-tool';

/** A JPEG of the video's first frame, written whole or not at all. */
export async function makePoster(videoPath: string, posterPath: string, signal?: AbortSignal): Promise<void> {
  const partPath = `${posterPath}.part-${randomBytes(6).toString('hex')}`;
  try {
    await runTool(
      FFMPEG_PATH,
      ['-y', '-v', 'error', '-i', videoPath, '-frames:v', '1', '-q:v', '3', '-f', 'image2', partPath],
      { timeoutMs: 30_000, signal },
    );
    await fs.rename(partPath, posterPath);
  } finally {
    await fs.rm(partPath, { force: true });
  }
}
