/**
 * Measuring camera motion in a real MP4: a test picture with one bright dot on a dark ground,
 * the video decoded by ffmpeg into grey frames, and the dot found in each frame (its centre to a
 * fraction of a pixel, and its area). Where the dot goes and how big it gets says which way the
 * camera moved, whatever the renderer's internals.
 */
import { spawn } from 'node:child_process';
import sharp from 'sharp';
import type { Mode } from '@/shared/pricing';
import { FRAMES_PER_SECOND, renderClip } from '@/server/engine/local/render-clip';
import { FFMPEG_PATH, FFPROBE_PATH } from '@/server/media/tool-paths';
import { runTool } from '@/server/media/run-tool';

/** A dark picture with faint texture and a white dot at its centre, `dotShare` of the width across. */
export async function makeDotImage(width = 640, height = 400, dotShare = 0.12): Promise<Buffer> {
  const r = (width * dotShare) / 2;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><pattern id="p" width="16" height="16" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#262b33"/></pattern></defs>
    <rect width="100%" height="100%" fill="#1b1f24"/><rect width="100%" height="100%" fill="url(#p)"/>
    <circle cx="${width / 2}" cy="${height / 2}" r="${r}" fill="#ffffff"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 95 }).toBuffer();
}

/** The clip renderDotClip makes: 6 s, small enough that a test can render dozens. */
export const DOT_CLIP = { width: 320, height: 200, frames: 6 * FRAMES_PER_SECOND } as const;

let dotImage: Promise<Buffer> | null = null;

/** The local engine's render of the dot picture (640×400) for `prompt`, at DOT_CLIP's size; the poster beside it. */
export async function renderDotClip(videoPath: string, prompt: string, mode: Mode = 'standard'): Promise<void> {
  dotImage ??= makeDotImage(640, 400);
  await renderClip({
    image: await dotImage,
    imageWidth: 640,
    imageHeight: 400,
    duration: '6',
    resolution: '768P',
    mode,
    prompt,
    size: { width: DOT_CLIP.width, height: DOT_CLIP.height },
    videoPath,
    posterPath: videoPath.replace(/\.mp4$/, '.jpg'),
  });
}

export interface VideoFrames {
  width: number;
  height: number;
  frames: Buffer[];
}

/**
 * Every frame of the video, one byte of grey per pixel; scaled down to `width` when given (a
 * 768P clip decoded whole is over a hundred megabytes, and the dot is as easy to follow small).
 */
export async function readGreyFrames(
  videoPath: string,
  { width: scaledWidth }: { width?: number } = {},
): Promise<VideoFrames> {
  const probe = await runTool(
    FFPROBE_PATH,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', videoPath],
    { timeoutMs: 30_000 },
  );
  const [fullWidth, fullHeight] = probe.trim().split(',').map(Number) as [number, number];
  const width = scaledWidth ?? fullWidth;
  const height = scaledWidth ? Math.round((fullHeight * scaledWidth) / fullWidth / 2) * 2 : fullHeight;
  const scale = scaledWidth ? ['-vf', `scale=${width}:${height}:flags=area`] : [];
  const raw = await new Promise<Buffer>((resolve, reject) => {
    const args = ['-v', 'error', '-i', videoPath, ...scale, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'];
    const child = spawn(FFMPEG_PATH, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(stderr))));
  });
  const size = width * height;
  const frames = Array.from({ length: raw.length / size }, (_, i) => raw.subarray(i * size, (i + 1) * size));
  return { width, height, frames };
}

export interface Spot {
  /** Centre, in pixels from the frame's left and top edges. */
  x: number;
  y: number;
  /** Pixels brighter than the threshold. */
  area: number;
}

/** The bright dot: the brightness-weighted centre of every pixel over `threshold`, and how many there are. */
export function findSpot(frame: Buffer, width: number, threshold = 128): Spot {
  let weight = 0;
  let sx = 0;
  let sy = 0;
  let area = 0;
  for (let i = 0; i < frame.length; i++) {
    const v = frame[i]!;
    if (v < threshold) continue;
    const w = v - threshold;
    weight += w;
    sx += w * (i % width);
    sy += w * Math.floor(i / width);
    area++;
  }
  if (!area) throw new Error('No bright spot in this frame');
  return { x: sx / weight, y: sy / weight, area };
}

/** The dot in every frame of the video (scaled down to `width` when given). */
export async function spotPath(
  videoPath: string,
  options: { width?: number } = {},
): Promise<{ width: number; height: number; spots: Spot[] }> {
  const { width, height, frames } = await readGreyFrames(videoPath, options);
  return { width, height, spots: frames.map((frame) => findSpot(frame, width)) };
}

/** The video stream's bitrate, as ffprobe reads it from the file, in bits per second. */
export async function videoBitrate(videoPath: string): Promise<number> {
  const out = await runTool(
    FFPROBE_PATH,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=bit_rate', '-of', 'csv=p=0', videoPath],
    { timeoutMs: 30_000 },
  );
  return Number(out.trim());
}
