/** Where ffmpeg and ffprobe are: the npm-installed static builds, else whatever is on PATH. */
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function installed(packageName: string, fallback: string): string {
  try {
    const { path } = require(packageName) as { path: string };
    if (path && fs.existsSync(path)) return path;
  } catch {
    // The optional platform package is missing (e.g. an unsupported OS): use the system's binary.
  }
  return fallback;
}

export const FFMPEG_PATH = installed('@ffmpeg-installer/ffmpeg', 'ffmpeg');
export const FFPROBE_PATH = installed('@ffprobe-installer/ffprobe', 'ffprobe');
