/**
 * Real media for montage tests: clips and soundtracks made by ffmpeg's own test sources, and
 * what ffprobe says a finished file holds (frame, length, streams).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FFMPEG_PATH, FFPROBE_PATH } from '@/server/media/tool-paths';
import { runTool } from '@/server/media/run-tool';

/** A moving test pattern (no sound), as the local engine's clips are. */
export async function makeClip(filePath: string, width = 1366, height = 768, seconds = 6): Promise<void> {
  await runTool(
    FFMPEG_PATH,
    ['-y', '-v', 'error', '-f', 'lavfi', '-i', `testsrc2=s=${width}x${height}:r=24:d=${seconds}`].concat([
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      filePath,
    ]),
    { timeoutMs: 60_000 },
  );
}

const AUDIO_FORMATS = {
  mp3: ['-c:a', 'libmp3lame', '-f', 'mp3'],
  m4a: ['-c:a', 'aac', '-f', 'ipod'],
  wav: ['-f', 'wav'],
};

/** A tone of `seconds` as an MP3, M4A or WAV file's bytes; a low `sampleRate` makes a long one quickly. */
export async function makeAudio(kind: keyof typeof AUDIO_FORMATS, seconds = 8, sampleRate = 44_100): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'audio-'));
  const file = path.join(dir, `tone.${kind}`);
  try {
    await runTool(
      FFMPEG_PATH,
      [
        '-y',
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=440:sample_rate=${sampleRate}:duration=${seconds}`,
        ...AUDIO_FORMATS[kind],
        file,
      ],
      { timeoutMs: 60_000 },
    );
    return await fs.readFile(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface MediaProbe {
  width: number;
  height: number;
  durationS: number;
  videoCodec: string;
  audioCodec: string | null;
}

export async function probeMedia(filePath: string): Promise<MediaProbe> {
  const json = await runTool(
    FFPROBE_PATH,
    [
      '-v',
      'error',
      '-show_entries',
      'stream=codec_type,codec_name,width,height:format=duration',
      '-of',
      'json',
      filePath,
    ],
    { timeoutMs: 15_000 },
  );
  const out = JSON.parse(json) as {
    streams: { codec_type: string; codec_name: string; width?: number; height?: number }[];
    format: { duration: string };
  };
  const video = out.streams.find((s) => s.codec_type === 'video');
  const audio = out.streams.find((s) => s.codec_type === 'audio');
  return {
    width: video?.width ?? 0,
    height: video?.height ?? 0,
    durationS: Number(out.format.duration),
    videoCodec: video?.codec_name ?? '',
    audioCodec: audio?.codec_name ?? null,
  };
}

/** The mean brightness (0–255) of the frame at `atS`: tells a black canvas from a picture. */
export async function frameBrightness(filePath: string, atS: number): Promise<number> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(FFMPEG_PATH, [
      '-v',
      'error',
      '-ss',
      String(atS),
      '-i',
      filePath,
      '-frames:v',
      '1',
      '-vf',
      'scale=64:64,format=gray',
      '-f',
      'rawvideo',
      'pipe:1',
    ]);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => {
      const bytes = Buffer.concat(chunks);
      resolve(bytes.length ? bytes.reduce((sum, b) => sum + b, 0) / bytes.length : 0);
    });
  });
}
