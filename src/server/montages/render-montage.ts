/**
 * Renders one montage into our media storage: caption and end-card images drawn, the one ffmpeg
 * command run with its progress read, the MP4 probed (the result describes the file, not the
 * request) and its poster made. Inputs are copied from storage into the work folder (ffmpeg reads
 * paths); the video and poster are rendered to staging files and placed, poster first, so a killed
 * render leaves nothing a restart would serve.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MONTAGE_FRAME_SIZES } from '@/shared/montage-limits';
import { ensureRoom } from '@/server/media/free-space';
import { makePoster } from '@/server/media/make-poster';
import { MediaMissingError, mediaFile, parseMediaPath, type MediaStorage } from '@/server/media/media-storage';
import { mediaToFile } from '@/server/media/media-to-file';
import { probeVideo } from '@/server/media/probe-video';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';
import type { MontageResultRecord, MontageSpec } from '@/server/store/montages-store';
import { montageFfmpegArgs } from './montage-ffmpeg-args';
import { montageTimeline } from './montage-timeline';
import { captionImage, endCardImage } from './text-images';

export interface RenderMontageOptions {
  id: string;
  spec: MontageSpec;
  media: MediaStorage;
  /** This process's scratch folder: the inputs and caption images live there while the render runs. */
  workDir: string;
  /** 0–99 as the encode goes (100 is the store's, once the result is kept). */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
}

/** About what a second of our 720p H.264 takes, with room to spare: checked before the encode starts. */
const BYTES_PER_SECOND = 1_000_000;

export async function renderMontage(options: RenderMontageOptions): Promise<MontageResultRecord> {
  const { id, spec, media, signal } = options;
  const frame = MONTAGE_FRAME_SIZES[spec.format];
  const timeline = montageTimeline(spec);
  const work = await fs.mkdtemp(path.join(options.workDir, `${id}-`));
  const video = mediaFile('videos', id, 'mp4');
  const poster = mediaFile('posters', id, 'jpg');
  const videoPart = media.stagingPath(video);
  const posterPart = media.stagingPath(poster);
  try {
    const captions = await Promise.all(
      spec.clips.map(async (clip, i) => {
        if (!clip.caption) return null;
        const file = path.join(work, `caption-${i}.png`);
        await captionImage(clip.caption, frame, file);
        return file;
      }),
    );
    let endCard: string | null = null;
    if (spec.endCard) {
      endCard = path.join(work, 'end-card.png');
      const logo = spec.endCard.imagePath ? await readLogo(media, spec.endCard.imagePath) : null;
      await endCardImage(spec.endCard.text, logo, frame, endCard);
    }
    const clips = [];
    for (const [i, clip] of spec.clips.entries())
      clips.push(await mediaToFile(media, clip.videoPath, path.join(work, `clip-${i}.mp4`), signal));
    const audio = spec.audio
      ? await mediaToFile(media, spec.audio.path, path.join(work, `audio${path.extname(spec.audio.path)}`), signal)
      : null;
    const inputs = { clips, captions, endCard, audio };
    await ensureRoom(media.stagingDir, timeline.totalS * BYTES_PER_SECOND, 'the montage');
    const progress = progressReader(timeline.totalS, options.onProgress);
    await runTool(FFMPEG_PATH, montageFfmpegArgs(spec, timeline, inputs, frame, videoPart), {
      // Far longer than a 2-core machine needs for the longest montage; only a stuck encode meets it.
      timeoutMs: Math.max(120_000, timeline.totalS * 30_000),
      signal,
      onStdout: progress,
    });
    const facts = await probeVideo(videoPart, signal);
    // From the staged video: in a bucket, the placed one is no local file.
    await makePoster(videoPart, posterPart, signal);
    // The poster first: a montage's video is never there without its poster.
    await media.place(poster, posterPart);
    await media.place(video, videoPart);
    return {
      videoPath: video.relativePath,
      posterPath: poster.relativePath,
      width: facts.width,
      height: facts.height,
      durationS: facts.durationS,
    };
  } finally {
    await Promise.all([videoPart, posterPart].map((part) => fs.rm(part, { force: true })));
    await fs.rm(work, { recursive: true, force: true });
  }
}

async function readLogo(media: MediaStorage, relativePath: string): Promise<Buffer> {
  const file = parseMediaPath(relativePath);
  const bytes = file ? await media.readAll(file) : null;
  if (!bytes) throw new MediaMissingError(relativePath);
  return bytes;
}

/** ffmpeg's `-progress` lines (`out_time_ms=…`, microseconds despite the name) as a percentage of the whole. */
function progressReader(totalS: number, onProgress?: (percent: number) => void): (chunk: string) => void {
  let pending = '';
  return (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const match = /^out_time_ms=(\d+)/.exec(line.trim());
      if (match && totalS > 0) onProgress?.(Math.min(99, Math.floor((Number(match[1]) / 1e6 / totalS) * 100)));
    }
  };
}
