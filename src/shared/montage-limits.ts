/** Limits of montages and their soundtracks (issue 21); the server enforces them, the form explains them. */

import { FRAME_RATIOS, type FrameRatio } from './frames';

/** The frames a montage is rendered in, with the size of each: 720 px on the short side keeps a render quick on two cores. */
export const MONTAGE_FORMATS = FRAME_RATIOS;
export type MontageFormat = FrameRatio;

export const MONTAGE_FRAME_SIZES: Record<MontageFormat, { width: number; height: number }> = {
  '9:16': { width: 720, height: 1280 },
  '1:1': { width: 720, height: 720 },
  '4:5': { width: 720, height: 900 },
  '16:9': { width: 1280, height: 720 },
};

export const MONTAGE_FITS = ['crop', 'pad'] as const;
export type MontageFit = (typeof MONTAGE_FITS)[number];
export const MONTAGE_TRANSITIONS = ['cut', 'crossfade'] as const;
export type MontageTransition = (typeof MONTAGE_TRANSITIONS)[number];

export const MONTAGE_LIMITS = {
  minClips: 1,
  maxClips: 20,
  /** A trimmed clip shorter than this is refused: a crossfade needs room on both sides. */
  minClipS: 1,
  captionMaxChars: 120,
  endCardTextMaxChars: 80,
  endCardDefaultS: 3,
  endCardMaxS: 10,
  /** How long one crossfade lasts (it is taken from both clips it joins). */
  crossfadeS: 0.5,
  fadeOutMaxS: 10,
  volumeMax: 2,
  fps: 30,
} as const;

export const AUDIO_CONTENT_TYPES = ['audio/mpeg', 'audio/mp4', 'audio/wav'] as const;
export type AudioContentType = (typeof AUDIO_CONTENT_TYPES)[number];

/** A soundtrack: up to 20 MB (the upload's own limit) and 10 minutes, far more than any montage needs. */
export const AUDIO_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  maxDurationS: 600,
} as const;
