/**
 * Where each piece of a montage sits in time: every clip (trimmed) and the end card follow one
 * another; a crossfade lays each piece over the end of the one before, so the video is shorter
 * by one crossfade per join.
 */
import { MONTAGE_LIMITS } from '@/shared/montage-limits';
import type { MontageSpec } from '@/server/store/montages-store';

export interface TimelinePiece {
  /** When it starts in the montage, in seconds. */
  offsetS: number;
  durationS: number;
  /** Fades in over the piece before it (a crossfade), in seconds; 0 for a cut. */
  fadeInS: number;
}

export interface Timeline {
  /** The clips in order, then the end card when there is one. */
  pieces: TimelinePiece[];
  totalS: number;
}

const round = (s: number) => Math.round(s * 1000) / 1000;

export function montageTimeline(spec: Pick<MontageSpec, 'clips' | 'endCard' | 'transition'>): Timeline {
  const lengths = [...spec.clips.map((c) => c.endS - c.startS), ...(spec.endCard ? [spec.endCard.durationS] : [])];
  const overlap = spec.transition === 'crossfade' ? MONTAGE_LIMITS.crossfadeS : 0;
  const pieces: TimelinePiece[] = [];
  let at = 0;
  for (const [i, durationS] of lengths.entries()) {
    const fadeInS = i === 0 ? 0 : overlap;
    const offsetS = round(Math.max(0, at - fadeInS));
    pieces.push({ offsetS, durationS: round(durationS), fadeInS });
    at = offsetS + durationS;
  }
  return { pieces, totalS: round(at) };
}
