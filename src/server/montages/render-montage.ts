/**
 * Renders one montage into our media storage: caption and end-card images drawn, the one ffmpeg
 * command run with its progress read, the MP4 probed (the result describes the file, not the
 * request) and its poster made. Files are written under part names and renamed into place, so a
 * killed render leaves nothing a restart would serve.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MONTAGE_FRAME_SIZES } from '@/shared/montage-limits';
import { ensureRoom } from '@/server/media/free-space';
import { makePoster } from '@/server/media/make-poster';
import type { MediaStorage } from '@/server/media/media-storage';
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
  /** This process's scratch folder: the caption images live there while the render runs. */
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
  const video = media.file('videos', id, 'mp4');
  const poster = media.file('posters', id, 'jpg');
  const part = media.partPath(video);
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
      const logo = spec.endCard.imagePath ? await fs.readFile(media.absolute(spec.endCard.imagePath)) : null;
      await endCardImage(spec.endCard.text, logo, frame, endCard);
    }
    const inputs = {
      clips: spec.clips.map((clip) => media.absolute(clip.videoPath)),
      captions,
      endCard,
      audio: spec.audio ? media.absolute(spec.audio.path) : null,
    };
    await ensureRoom(path.dirname(video.absolutePath), timeline.totalS * BYTES_PER_SECOND, 'the montage');
    const progress = progressReader(timeline.totalS, options.onProgress);
    await runTool(FFMPEG_PATH, montageFfmpegArgs(spec, timeline, inputs, frame, part), {
      // Far longer than a 2-core machine needs for the longest montage; only a stuck encode meets it.
      timeoutMs: Math.max(120_000, timeline.totalS * 30_000),
      signal,
      onStdout: progress,
    });
    const facts = await probeVideo(part, signal);
    await fs.rename(part, video.absolutePath);
    await makePoster(video.absolutePath, poster.absolutePath, signal);
    return {
      videoPath: video.relativePath,
      posterPath: poster.relativePath,
      width: facts.width,
      height: facts.height,
      durationS: facts.durationS,
    };
  } finally {
    await fs.rm(part, { force: true });
    await fs.rm(work, { recursive: true, force: true });
  }
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
