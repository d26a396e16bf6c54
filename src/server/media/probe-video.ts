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

const UNPLAYABLE = 'The file is not a playable video';

/** Reads what a video really is (the result is described from the file, not from what was asked). */
export async function probeVideo(filePath: string, signal?: AbortSignal): Promise<VideoFacts> {
  const output = JSON.parse(await readFacts(filePath, signal)) as ProbeOutput;
  const video = output.streams?.find((s) => s.codec_type === 'video');
  const durationS = Number(output.format?.duration);
  if (!video?.width || !video.height || !Number.isFinite(durationS)) {
    throw new ToolError(`${UNPLAYABLE} (no video stream or no duration).`, 'unplayable');
  }
  return {
    codec: video.codec_name ?? 'unknown',
    width: video.width,
    height: video.height,
    durationS: Math.round(durationS * 1000) / 1000,
    pixelFormat: video.pix_fmt ?? null,
  };
}

async function readFacts(filePath: string, signal?: AbortSignal): Promise<string> {
  try {
    return await runTool(
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
  } catch (error) {
    // ffprobe only reads: when it cannot, the fault is the file's (garbage, cut short), not the server's.
    if (error instanceof ToolError && error.failure === 'failed') {
      throw new ToolError(`${UNPLAYABLE} (it could not be read as one).`, 'unplayable', error.output);
    }
    throw error;
  }
}
