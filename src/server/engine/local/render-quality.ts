/**
 * How standard and pro previews differ. The preview engine cannot make pro's better animation,
 * so it does what it honestly can with the same camera path: pro samples the move from a still
 * twice the output size, so each frame's view lands on half-pixel steps instead of whole ones
 * (zoompan crops at whole pixels of its input: on a slow move, whole-pixel steps show as a faint
 * stutter), and encodes at a higher quality (x264 CRF 18 against 23: roughly twice the bitrate,
 * finer detail). Frame rate, size and the move itself are the same for both.
 */
import type { Mode } from '@/shared/pricing';

export interface RenderQuality {
  /** The still is this many times the output size before zoompan samples the view from it. */
  supersample: number;
  /** x264 constant rate factor: lower is better quality and more bits. */
  crf: number;
}

export const RENDER_QUALITY: Record<Mode, RenderQuality> = {
  standard: { supersample: 1, crf: 23 },
  pro: { supersample: 2, crf: 18 },
};
