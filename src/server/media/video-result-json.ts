/** A finished video of ours as the API gives it (a task's result, a montage's): absolute links to play, download and preview it. */
import type { TaskResult } from '@/shared/contract';
import { mediaUrlPath } from './media-storage';

export interface StoredVideo {
  videoPath: string;
  posterPath: string;
  width: number;
  height: number;
  durationS: number;
}

export function videoResultJson(video: StoredVideo, origin: string): TaskResult {
  const media = (relativePath: string) => `${origin}${mediaUrlPath(relativePath)}`;
  return {
    video_url: media(video.videoPath),
    poster_url: media(video.posterPath),
    download_url: `${media(video.videoPath)}?download=1`,
    width: video.width,
    height: video.height,
    duration_s: video.durationS,
  };
}
