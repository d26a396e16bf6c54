/**
 * The one ffmpeg command that renders a montage: each trimmed clip fitted to the frame (cropped,
 * or over a blurred copy of itself), its caption laid on, placed at its time over a black canvas
 * (a crossfade is the piece fading in over the one before: this ffmpeg build predates xfade),
 * the end card likewise, and the soundtrack trimmed to the video, at its volume, fading out.
 * Only argument lists: no path or text of the person's ever enters the filter graph.
 */
import { MONTAGE_LIMITS, type MontageFit } from '@/shared/montage-limits';
import type { MontageSpec } from '@/server/store/montages-store';
import type { Timeline } from './montage-timeline';

export interface MontageInputs {
  /** Absolute paths, in the spec's clip order. */
  clips: string[];
  /** The caption image of each clip (full-frame, transparent), or null. */
  captions: (string | null)[];
  endCard: string | null;
  audio: string | null;
}

interface Frame {
  width: number;
  height: number;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

function fitFilter(input: string, out: string, fit: MontageFit, { width: W, height: H }: Frame, tag: string): string[] {
  if (fit === 'crop')
    return [`${input}scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1${out}`];
  // The blurred backdrop is made at a quarter size: four times fewer pixels to blur, and softer.
  const [w4, h4] = [even(W / 4), even(H / 4)];
  return [
    `${input}split=2[bga${tag}][fga${tag}]`,
    `[bga${tag}]scale=${w4}:${h4}:force_original_aspect_ratio=increase,crop=${w4}:${h4},boxblur=8:2,scale=${W}:${H}[bg${tag}]`,
    `[fga${tag}]scale=${W}:${H}:force_original_aspect_ratio=decrease,scale=trunc(iw/2)*2:trunc(ih/2)*2[fg${tag}]`,
    `[bg${tag}][fg${tag}]overlay=(W-w)/2:(H-h)/2,setsar=1${out}`,
  ];
}

export function montageFfmpegArgs(
  spec: MontageSpec,
  timeline: Timeline,
  inputs: MontageInputs,
  frame: Frame,
  outputPath: string,
): string[] {
  const fps = MONTAGE_LIMITS.fps;
  const args: string[] = ['-y', '-v', 'error', '-nostats', '-progress', 'pipe:1'];
  const filters: string[] = [`color=c=black:s=${frame.width}x${frame.height}:r=${fps}:d=${timeline.totalS}[base]`];
  let nextInput = 0;
  const clipInputs = spec.clips.map((clip, i) => {
    args.push('-ss', String(clip.startS), '-t', String(timeline.pieces[i]!.durationS), '-i', inputs.clips[i]!);
    return nextInput++;
  });
  const captionInputs = inputs.captions.map((file) => {
    if (!file) return null;
    args.push('-i', file);
    return nextInput++;
  });
  let endCardInput: number | null = null;
  if (inputs.endCard && spec.endCard) {
    const pieceS = timeline.pieces[spec.clips.length]!.durationS;
    args.push('-loop', '1', '-framerate', String(fps), '-t', String(pieceS), '-i', inputs.endCard);
    endCardInput = nextInput++;
  }
  let audioInput: number | null = null;
  if (inputs.audio && spec.audio) {
    args.push('-i', inputs.audio);
    audioInput = nextInput++;
  }

  const placed: string[] = [];
  const place = (label: string, i: number) => {
    const piece = timeline.pieces[i]!;
    const fade = piece.fadeInS > 0 ? `,fade=t=in:st=0:d=${piece.fadeInS}:alpha=1` : '';
    filters.push(`[${label}]format=yuva420p${fade},setpts=PTS+${piece.offsetS}/TB[p${i}]`);
    placed.push(`p${i}`);
  };
  clipInputs.forEach((input, i) => {
    filters.push(`[${input}:v]setpts=PTS-STARTPTS,fps=${fps}[raw${i}]`);
    filters.push(...fitFilter(`[raw${i}]`, `[fit${i}]`, spec.fit, frame, String(i)));
    const caption = captionInputs[i];
    if (caption === null || caption === undefined) filters.push(`[fit${i}]null[clip${i}]`);
    else filters.push(`[fit${i}][${caption}:v]overlay=0:0[clip${i}]`);
    place(`clip${i}`, i);
  });
  if (endCardInput !== null) {
    filters.push(`[${endCardInput}:v]setpts=PTS-STARTPTS,scale=${frame.width}:${frame.height},setsar=1[card]`);
    place('card', spec.clips.length);
  }
  let canvas = 'base';
  placed.forEach((label, i) => {
    filters.push(`[${canvas}][${label}]overlay=eof_action=pass[v${i}]`);
    canvas = `v${i}`;
  });
  filters.push(`[${canvas}]format=yuv420p[vout]`);

  if (audioInput !== null && spec.audio) {
    const total = timeline.totalS;
    const fadeS = Math.min(spec.audio.fadeOutS, total);
    const fade = fadeS > 0 ? `,afade=t=out:st=${Math.max(0, total - fadeS)}:d=${fadeS}` : '';
    filters.push(`[${audioInput}:a]atrim=0:${total},asetpts=PTS-STARTPTS,volume=${spec.audio.volume}${fade}[aout]`);
  }

  args.push('-filter_complex', filters.join(';'), '-map', '[vout]');
  if (audioInput !== null) args.push('-map', '[aout]', '-c:a', 'aac', '-b:a', '128k');
  args.push(
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p', '-r', String(fps)],
    ...['-t', String(timeline.totalS), '-movflags', '+faststart', '-f', 'mp4', outputPath],
  );
  return args;
}
