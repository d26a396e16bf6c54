/**
 * Copies a finished video (and its poster) into our own storage at once — upstream links
 * expire within hours — and describes it from the file itself with ffprobe. Files are
 * staged locally (media.stagingPath), probed and postered there, then placed (renamed into
 * the folder, or uploaded to the bucket), so a crash leaves no half video; an attempt that
 * fails after placing them takes them away again.
 *
 * A full disk: a paid video exists upstream and must not be lost to a disk that fills for a
 * while, so its copy waits for space, trying again every few seconds (bounded: STORAGE_WAIT_MS
 * per step; the tracker's retries bound the steps). A simulated video fails at once — running
 * it again costs nothing.
 */
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import type { Engine } from '@/server/engine/engine';
import { faultDetail } from '@/server/faults/describe-fault';
import { isStorageFull } from '@/server/faults/storage-full';
import { asStorageFullWhenLow, ensureRoom } from '@/server/media/free-space';
import { makePoster } from '@/server/media/make-poster';
import { mediaFile, type MediaFile, type MediaStorage } from '@/server/media/media-storage';
import { probeVideo } from '@/server/media/probe-video';
import type { TaskResultRecord } from '@/server/store/tasks-store';

/* Hailuo clips are tens of megabytes; anything far larger is not one. */
const MAX_VIDEO_BYTES = 512 * 1024 * 1024;
const MAX_POSTER_BYTES = 20 * 1024 * 1024;
/* How long one step waits for space before handing the task back to the tracker. */
export const STORAGE_WAIT_MS = 2 * 60_000;
const STORAGE_RETRY_MS = { first: 1000, max: 10_000 };

export interface ArchiveReport {
  result: TaskResultRecord;
  videoBytes: number;
  posterSource: 'engine' | 'ffmpeg';
  posterError: string | null;
  codec: string;
  /** Attempts that found the disk full before this one saved the video. */
  storageWaits: number;
}

export interface ArchiveOptions {
  /** Told once when a copy starts waiting for space (for the task's history). */
  onStorageWait?: (error: unknown) => Promise<void>;
  storageWaitMs?: number;
}

export async function archiveResult(
  taskId: string,
  urls: { videoUrl: string; posterUrl: string | null },
  engine: Engine,
  media: MediaStorage,
  signal: AbortSignal,
  options: ArchiveOptions = {},
): Promise<ArchiveReport> {
  const waitUntil = Date.now() + (options.storageWaitMs ?? STORAGE_WAIT_MS);
  for (let storageWaits = 0; ; storageWaits++) {
    try {
      return { ...(await archiveOnce(taskId, urls, engine, media, signal)), storageWaits };
    } catch (caught) {
      if (signal.aborted) throw caught;
      const error = await asStorageFullWhenLow(caught, media.stagingDir);
      const delay = Math.min(STORAGE_RETRY_MS.first * 2 ** storageWaits, STORAGE_RETRY_MS.max);
      if (engine.simulated || !isStorageFull(error) || Date.now() + delay > waitUntil) throw error;
      if (storageWaits === 0) await options.onStorageWait?.(error);
      await sleep(delay, undefined, { signal });
    }
  }
}

async function archiveOnce(
  taskId: string,
  urls: { videoUrl: string; posterUrl: string | null },
  engine: Engine,
  media: MediaStorage,
  signal: AbortSignal,
): Promise<Omit<ArchiveReport, 'storageWaits'>> {
  const video = mediaFile('videos', taskId, 'mp4');
  const poster = mediaFile('posters', taskId, 'jpg');
  const videoPart = media.stagingPath(video);
  const posterPart = media.stagingPath(poster);
  // Its size is known only once it is here: at least the headroom must be free to begin.
  await ensureRoom(media.stagingDir, 0, 'the finished video');
  try {
    const { bytes } = await engine.download(urls.videoUrl, videoPart, { maxBytes: MAX_VIDEO_BYTES, signal });
    const facts = await probeVideo(videoPart, signal);
    let posterSource: ArchiveReport['posterSource'] = 'ffmpeg';
    let posterError: string | null = null;
    if (urls.posterUrl) {
      try {
        await copyPoster(urls.posterUrl, posterPart, engine, signal);
        posterSource = 'engine';
      } catch (error) {
        // A missing poster is not worth failing a paid video over: make our own from the first frame.
        posterError = faultDetail(error);
      }
    }
    // From the staged video: in a bucket, the placed one is no local file.
    if (posterSource === 'ffmpeg') await makePoster(videoPart, posterPart, signal);
    // The poster first: a task's video is never there without its poster.
    await media.place(poster, posterPart);
    await media.place(video, videoPart);
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
  } catch (error) {
    // No task points at these yet: a video without its poster is not kept (the next attempt copies both).
    await removeAll(media, [video, poster]);
    throw error;
  } finally {
    await Promise.all([videoPart, posterPart].map((part) => fs.rm(part, { force: true })));
  }
}

/* Whatever format the engine's poster is in, ours is a JPEG (the name and Content-Type say so). */
async function copyPoster(url: string, part: string, engine: Engine, signal: AbortSignal) {
  await engine.download(url, part, { maxBytes: MAX_POSTER_BYTES, signal });
  // A JPEG has no transparency: a transparent area is shown on white, as the page behind it would be.
  const jpeg = await sharp(part, { limitInputPixels: 40_000_000 })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer();
  await fs.writeFile(part, jpeg);
}

async function removeAll(media: MediaStorage, files: readonly MediaFile[]): Promise<void> {
  // Best effort: the attempt's own error is the one to report.
  await Promise.all(files.map((file) => media.remove(file).catch(() => undefined)));
}
