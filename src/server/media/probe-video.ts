import { FFPROBE_PATH } from './tool-paths';
import { runTool, ToolError } from './run-tool';

export interface VideoFacts {
  codec: string;
  width: number;
  height: number;
  durationS: number;
  pixelFormat: string | null;
}

interface ProbeOutput {
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number; pix_fmt?: string }[];
  format?: { duration?: string };
}

/** Reads what a video really is (the result is described from the file, not from what was asked). */
export async function probeVideo(filePath: string, signal?: AbortSignal): Promise<VideoFacts> {
  const stdout = await runTool(
    FFPROBE_PATH,
    [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_type,codec_name,width,height,pix_fmt:format=duration',
      '-of',
      'json',
      filePath,
    ],
    { timeoutMs: 15_000, signal },
  );
  const output = JSON.parse(stdout) as ProbeOutput;
  const video = output.streams?.find((s) => s.codec_type === 'video');
  const durationS = Number(output.format?.duration);
  if (!video?.width || !video.height || !Number.isFinite(durationS)) {
    throw new ToolError('The file is not a playable video (no video stream or no duration).');
  }
  return {
    codec: video.codec_name ?? 'unknown',
    width: video.width,
    height: video.height,
    durationS: Math.round(durationS * 1000) / 1000,
    pixelFormat: video.pix_fmt ?? null,
  };
}
