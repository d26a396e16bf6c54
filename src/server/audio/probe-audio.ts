/** What a soundtrack really is, read by ffprobe from its bytes: its kind, its length, and whether we take it. */
import { AUDIO_LIMITS, type AudioContentType } from '@/shared/montage-limits';
import { ToolError, runTool } from '@/server/media/run-tool';
import { FFPROBE_PATH } from '@/server/media/tool-paths';
import type { MediaExtension } from '@/server/media/media-storage';

export interface AudioFacts {
  contentType: AudioContentType;
  extension: Extract<MediaExtension, 'mp3' | 'm4a' | 'wav'>;
  durationS: number;
}

/** A soundtrack we do not take; the message is for the person who chose the file. */
export class AudioRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AudioRefusal';
  }
}

interface ProbeOutput {
  streams?: { codec_type?: string; codec_name?: string; disposition?: { attached_pic?: number } }[];
  format?: { format_name?: string; duration?: string };
}

const KINDS: { format: RegExp; codecs: RegExp; facts: Omit<AudioFacts, 'durationS'> }[] = [
  { format: /^mp3$/, codecs: /^mp3$/, facts: { contentType: 'audio/mpeg', extension: 'mp3' } },
  { format: /(^|,)m4a(,|$)/, codecs: /^(aac|alac)$/, facts: { contentType: 'audio/mp4', extension: 'm4a' } },
  { format: /^wav$/, codecs: /^pcm_/, facts: { contentType: 'audio/wav', extension: 'wav' } },
];

const WHAT_WE_TAKE = 'Use an MP3, M4A (AAC) or WAV file.';

export async function probeAudio(filePath: string): Promise<AudioFacts> {
  let output: ProbeOutput;
  try {
    const json = await runTool(
      FFPROBE_PATH,
      [
        '-v',
        'error',
        '-show_entries',
        'stream=codec_type,codec_name:stream_disposition=attached_pic:format=format_name,duration',
        '-of',
        'json',
        filePath,
      ],
      { timeoutMs: 15_000 },
    );
    output = JSON.parse(json) as ProbeOutput;
  } catch (error) {
    if (error instanceof ToolError && error.failure === 'failed')
      throw new AudioRefusal(`That sound file is damaged or incomplete and could not be read. ${WHAT_WE_TAKE}`);
    throw error;
  }
  const streams = output.streams ?? [];
  // Cover art rides in many MP3 and M4A files as a picture stream; it is dropped when stored.
  if (streams.some((s) => s.codec_type === 'video' && !s.disposition?.attached_pic))
    throw new AudioRefusal(`That file has pictures that move: a soundtrack is sound only. ${WHAT_WE_TAKE}`);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const format = output.format?.format_name ?? '';
  const kind = KINDS.find((k) => k.format.test(format) && k.codecs.test(audio?.codec_name ?? ''));
  if (!audio || !kind) throw new AudioRefusal(`That is not a soundtrack we can use. ${WHAT_WE_TAKE}`);
  const durationS = Number(output.format?.duration);
  if (!Number.isFinite(durationS) || durationS <= 0)
    throw new AudioRefusal(`That sound file has no length we can read. ${WHAT_WE_TAKE}`);
  if (durationS > AUDIO_LIMITS.maxDurationS)
    throw new AudioRefusal(
      `The soundtrack is ${Math.round(durationS / 60)} minutes long; at most ${AUDIO_LIMITS.maxDurationS / 60} minutes. Trim it first.`,
    );
  return { ...kind.facts, durationS: Math.round(durationS * 1000) / 1000 };
}
