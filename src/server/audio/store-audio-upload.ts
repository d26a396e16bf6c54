/**
 * Turns uploaded bytes into a stored soundtrack: judged by ffprobe from its bytes (never its
 * name or declared type), then remuxed — its one audio stream copied, metadata and cover art
 * dropped — under a random name beside the image uploads, its record in the same table.
 */
import fs from 'node:fs/promises';
import { AUDIO_LIMITS } from '@/shared/montage-limits';
import { ensureRoom } from '@/server/media/free-space';
import { mediaFile, type MediaStorage } from '@/server/media/media-storage';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';
import { newId } from '@/server/store/new-id';
import type { UploadRecord } from '@/server/store/uploads-store';
import { AudioRefusal, probeAudio, type AudioFacts } from './probe-audio';

const MUXERS: Record<AudioFacts['extension'], string> = { mp3: 'mp3', m4a: 'ipod', wav: 'wav' };

export interface StoredAudio extends UploadRecord {
  durationS: number;
}

export async function storeAudioUpload<T>(
  bytes: Buffer,
  media: MediaStorage,
  origin: string,
  keep: (stored: StoredAudio) => Promise<T>,
): Promise<T> {
  if (bytes.length > AUDIO_LIMITS.maxBytes)
    throw new AudioRefusal(`The soundtrack is larger than ${AUDIO_LIMITS.maxBytes / 1024 / 1024} MB.`);
  const now = Date.now();
  const id = newId('upl', now);
  // Its kind is known only once probed: the raw bytes wait in a staging file, which a restart sweeps.
  const raw = media.stagingPath(mediaFile('uploads', id, 'mp3'));
  await ensureRoom(media.stagingDir, bytes.length * 2, 'the soundtrack');
  let part: string | null = null;
  try {
    await fs.writeFile(raw, bytes);
    const facts = await probeAudio(raw);
    const target = mediaFile('uploads', id, facts.extension);
    part = media.stagingPath(target);
    await runTool(
      FFMPEG_PATH,
      [
        '-v',
        'error',
        '-i',
        raw,
        '-map',
        '0:a:0',
        '-c',
        'copy',
        '-map_metadata',
        '-1',
        '-f',
        MUXERS[facts.extension],
        part,
      ],
      { timeoutMs: 60_000 },
    ).catch(() => {
      throw new AudioRefusal('That sound file could not be read to the end. Export it again as an MP3, M4A or WAV.');
    });
    const { size } = await fs.stat(part);
    await media.place(target, part);
    const stored: StoredAudio = {
      id,
      fileName: `${id}.${facts.extension}`,
      originalName: null,
      url: `${origin}/media/${target.relativePath}`,
      width: 0,
      height: 0,
      contentType: facts.contentType,
      bytes: size,
      createdAt: now,
      durationS: facts.durationS,
    };
    try {
      return await keep(stored);
    } catch (error) {
      await media.remove(target);
      throw error;
    }
  } finally {
    await fs.rm(raw, { force: true });
    if (part) await fs.rm(part, { force: true });
  }
}
