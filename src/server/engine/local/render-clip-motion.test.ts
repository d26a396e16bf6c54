/**
 * The local engine's clip is made from one decoded still: it must still hold exactly
 * duration × 24 frames, and the camera must really move from the first frame to the last.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH, FFPROBE_PATH } from '@/server/media/tool-paths';
import { makeTestImage } from '../../../../tests/support/test-image';
import { FRAMES_PER_SECOND, renderClip } from './render-clip';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-motion-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function frameAt(videoPath: string, index: number): Promise<Buffer> {
  const out = path.join(dir, `frame-${index}.png`);
  await runTool(
    FFMPEG_PATH,
    ['-y', '-v', 'error', '-i', videoPath, '-vf', `select=eq(n\\,${index})`, '-frames:v', '1', out],
    { timeoutMs: 30_000 },
  );
  return sharp(out).resize(64, 40).greyscale().raw().toBuffer();
}

function meanDifference(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

it.each([0, 2])('moves the camera (motion %i) over exactly 6 × 24 frames', async (seed) => {
  const videoPath = path.join(dir, `clip-${seed}.mp4`);
  await renderClip({
    image: await makeTestImage(640, 400),
    imageWidth: 640,
    imageHeight: 400,
    duration: '6',
    resolution: '768P',
    seed,
    videoPath,
    posterPath: path.join(dir, `clip-${seed}.jpg`),
  });
  const counted = await runTool(
    FFPROBE_PATH,
    [
      '-v',
      'error',
      '-count_frames',
      '-select_streams',
      'v:0',
      '-show_entries',
      'stream=nb_read_frames',
      '-of',
      'csv=p=0',
      videoPath,
    ],
    { timeoutMs: 30_000 },
  );
  expect(Number(counted.trim())).toBe(6 * FRAMES_PER_SECOND);
  const first = await frameAt(videoPath, 0);
  const middle = await frameAt(videoPath, 3 * FRAMES_PER_SECOND);
  const last = await frameAt(videoPath, 6 * FRAMES_PER_SECOND - 1);
  // A still would differ only by compression noise (well under 1 grey level on average).
  expect(meanDifference(first, last)).toBeGreaterThan(2);
  expect(meanDifference(first, middle)).toBeGreaterThan(1);
});
