/**
 * Makes the local engine's MP4: the image pre-scaled with sharp (so zoompan works on few pixels
 * and stays fast), then the camera path the prompt asks for over it, H.264 yuv420p at 24 fps,
 * exactly `duration` seconds (a fixed frame count), +faststart so browsers play it at once.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import sharp from 'sharp';
import { IMAGE_LIMITS } from '@/shared/limits';
import type { Duration, Mode, Resolution } from '@/shared/pricing';
import { makePoster } from '@/server/media/make-poster';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';
import { cameraPath } from './camera-path';
import { outputSize } from './output-size';
import { RENDER_QUALITY } from './render-quality';

export const FRAMES_PER_SECOND = 24;

export interface RenderRequest {
  image: Buffer;
  /** The image's displayed size (after EXIF orientation), from checkImage. */
  imageWidth: number;
  imageHeight: number;
  duration: Duration;
  resolution: Resolution;
  /** Standard or pro: pro renders finer motion steps at a higher bitrate (render-quality.ts). */
  mode: Mode;
  /** Its bracketed camera commands set the move. */
  prompt: string;
  /** Overrides the size the resolution gives: tests render small clips to stay fast. */
  size?: { width: number; height: number };
  videoPath: string;
  posterPath: string;
  signal?: AbortSignal;
}

export interface RenderReport {
  width: number;
  height: number;
  /** The camera path rendered, in the prompt's words: `[Pan left, Push in] then [Static shot]`. */
  motion: string;
  /** Wall time of the ffmpeg encode alone. */
  encodeMs: number;
}

export async function renderClip(request: RenderRequest): Promise<RenderReport> {
  const source = sharp(request.image, { limitInputPixels: IMAGE_LIMITS.maxPixels }).rotate();
  const size = request.size ?? outputSize(request.imageWidth, request.imageHeight, request.resolution);
  const quality = RENDER_QUALITY[request.mode];
  // Names of this render's own, so a render of the same task by a newer process never shares a file with an old one.
  const unique = randomBytes(6).toString('hex');
  const stillPath = `${request.videoPath}.still-${unique}.jpg`;
  const partPath = `${request.videoPath}.part-${unique}`;
  try {
    await source
      .resize(size.width * quality.supersample, size.height * quality.supersample, { fit: 'cover' })
      // A transparent area shows as the page behind it would: white, not black.
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 92 })
      .toFile(stillPath);
    const frames = Number(request.duration) * FRAMES_PER_SECOND;
    const path = cameraPath(request.prompt, frames);
    // Every frame comes from the one decoded still (d=frames), already in yuv420p: decoding the JPEG
    // and converting its colour range once instead of per frame takes about a third off ffmpeg's CPU.
    const zoompan = `zoompan=z='${path.zoom}':x='${path.x}':y='${path.y}':d=${frames}:s=${size.width}x${size.height}:fps=${FRAMES_PER_SECOND}`;
    const started = performance.now();
    await runTool(
      FFMPEG_PATH,
      [
        ...['-y', '-v', 'error', '-i', stillPath],
        ...['-vf', `format=yuv420p,${zoompan}`, '-frames:v', String(frames), '-r', String(FRAMES_PER_SECOND)],
        ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', String(quality.crf), '-pix_fmt', 'yuv420p'],
        ...['-movflags', '+faststart', '-an', '-f', 'mp4', partPath],
      ],
      { timeoutMs: 120_000, signal: request.signal },
    );
    const encodeMs = Math.round(performance.now() - started);
    await fs.rename(partPath, request.videoPath);
    await makePoster(request.videoPath, request.posterPath, request.signal);
    return { width: size.width, height: size.height, motion: path.description, encodeMs };
  } finally {
    await fs.rm(stillPath, { force: true });
    await fs.rm(partPath, { force: true });
  }
}
