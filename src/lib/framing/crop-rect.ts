/**
 * The crop of a framing: the largest rectangle of the chosen ratio inside the photo, placed
 * where the person dragged it (as fractions of the room left on each axis, 0.5 = centred), and
 * whether Hailuo can take the result (the limits of src/shared/limits.ts).
 */
import { aspectOf, type FrameRatio } from '@/shared/frames';
import { imageSizeProblem } from '@/shared/limits';

/** "photo" keeps the photo's own shape: nothing is cropped. */
export type Framing = 'photo' | FrameRatio;

export interface CropPosition {
  /** 0 = the left (top) edge, 1 = the right (bottom) edge of the room the crop can move in. */
  x: number;
  y: number;
}

export interface CropRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const CENTRED: CropPosition = { x: 0.5, y: 0.5 };

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

export function cropRect(width: number, height: number, framing: Framing, at: CropPosition = CENTRED): CropRect | null {
  if (framing === 'photo' || width <= 0 || height <= 0) return null;
  const aspect = aspectOf(framing);
  const cropWidth = width / height > aspect ? Math.round(height * aspect) : width;
  const cropHeight = width / height > aspect ? height : Math.round(width / aspect);
  return {
    x: Math.round((width - cropWidth) * clamp01(at.x)),
    y: Math.round((height - cropHeight) * clamp01(at.y)),
    width: cropWidth,
    height: cropHeight,
  };
}

/** A sentence when the crop is too small (or too thin) for Hailuo, else null. */
export function cropProblem(crop: CropRect | null, framing: Framing): string | null {
  if (!crop) return null;
  const problem = imageSizeProblem(crop.width, crop.height);
  return problem
    ? `Framed ${framing}, the picture is ${crop.width}×${crop.height} px: ${problem.replace(/^The image is [^,;:]+[,;:] ?/, '')}`
    : null;
}

/** The position after dragging the crop by (dx, dy) screen pixels, on a preview `scale` screen pixels per image pixel. */
export function dragged(
  at: CropPosition,
  crop: CropRect,
  image: { width: number; height: number },
  dx: number,
  dy: number,
  scale: number,
): CropPosition {
  const roomX = image.width - crop.width;
  const roomY = image.height - crop.height;
  return {
    x: roomX > 0 ? clamp01(at.x + dx / scale / roomX) : 0.5,
    y: roomY > 0 ? clamp01(at.y + dy / scale / roomY) : 0.5,
  };
}
