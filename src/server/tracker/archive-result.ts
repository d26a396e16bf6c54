/**
 * Copies a finished video (and its poster) into our own storage at once — upstream links
 * expire within hours — and describes it from the file itself with ffprobe. Files are
 * written beside their final name and renamed into place, so a crash leaves no half video.
 */
import fs from 'node:fs/promises';
import sharp from 'sharp';
import type { Engine } from '@/server/engine/engine';
import { makePoster } from '@/server/media/make-poster';
import type { MediaStorage } from '@/server/media/media-storage';
import { probeVideo } from '@/server/media/probe-video';
import type { TaskResultRecord } from '@/server/store/tasks-store';

/* Hailuo clips are tens of megabytes; anything far larger is not one. */
const MAX_VIDEO_BYTES = 512 * 1024 * 1024;
const MAX_POSTER_BYTES = 20 * 1024 * 1024;

export interface ArchiveReport {
  result: TaskResultRecord;
  videoBytes: number;
  posterSource: 'engine' | 'ffmpeg';
  posterError: string | null;
  codec: string;
}

export async function archiveResult(
  taskId: string,
  urls: { videoUrl: string; posterUrl: string | null },
  engine: Engine,
  media: MediaStorage,
  signal: AbortSignal,
): Promise<ArchiveReport> {
  const video = media.file('videos', taskId, 'mp4');
  const poster = media.file('posters', taskId, 'jpg');
  const videoPart = media.partPath(video);
  try {
    const { bytes } = await engine.download(urls.videoUrl, videoPart, { maxBytes: MAX_VIDEO_BYTES, signal });
    const facts = await probeVideo(videoPart, signal);
    await fs.rename(videoPart, video.absolutePath);
    let posterSource: ArchiveReport['posterSource'] = 'ffmpeg';
    let posterError: string | null = null;
    if (urls.posterUrl) {
      try {
        await copyPoster(urls.posterUrl, poster.absolutePath, media.partPath(poster), engine, signal);
        posterSource = 'engine';
      } catch (error) {
        // A missing poster is not worth failing a paid video over: make our own from the first frame.
        posterError = (error as Error).message;
      }
    }
    if (posterSource === 'ffmpeg') await makePoster(video.absolutePath, poster.absolutePath, signal);
    return {
      result: {
        videoPath: video.relativePath,
        posterPath: poster.relativePath,
        width: facts.width,
        height: facts.height,
        durationS: facts.durationS,
      },
      videoBytes: bytes,
      posterSource,
      posterError,
      codec: facts.codec,
    };
  } finally {
    await fs.rm(videoPart, { force: true });
  }
}

/* Whatever format the engine's poster is in, ours is a JPEG (the name and Content-Type say so). */
async function copyPoster(url: string, target: string, part: string, engine: Engine, signal: AbortSignal) {
  try {
    await engine.download(url, part, { maxBytes: MAX_POSTER_BYTES, signal });
    const jpeg = await sharp(part, { limitInputPixels: 40_000_000 }).jpeg({ quality: 85 }).toBuffer();
    await fs.writeFile(part, jpeg);
    await fs.rename(part, target);
  } finally {
    await fs.rm(part, { force: true });
  }
}
