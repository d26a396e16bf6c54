/** A real, tiny H.264 MP4 for a fake upstream to hand out as its finished video (small, so downloads are quick). */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';

export async function makeUpstreamClip(dir: string): Promise<Buffer> {
  // A name of its own: suites running side by side make their clips in the same temp folder.
  const file = path.join(dir, `upstream-clip-${randomUUID()}.mp4`);
  await runTool(
    FFMPEG_PATH,
    ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=12', '-t', '1', '-pix_fmt', 'yuv420p', file],
    { timeoutMs: 30_000 },
  );
  const clip = fs.readFileSync(file);
  fs.rmSync(file);
  return clip;
}
