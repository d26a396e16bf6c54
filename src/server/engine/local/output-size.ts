import type { Resolution } from '@/shared/pricing';

const SHORT_SIDE: Record<Resolution, number> = { '768P': 768, '1080P': 1080 };

/* H.264 in yuv420p needs even dimensions. */
function even(n: number): number {
  return Math.max(2, Math.round(n / 2) * 2);
}

/** The video's size: the resolution's short side, the image's aspect ratio, even dimensions. */
export function outputSize(width: number, height: number, resolution: Resolution): { width: number; height: number } {
  const short = SHORT_SIDE[resolution];
  if (width >= height) return { width: even((short * width) / height), height: short };
  return { width: short, height: even((short * height) / width) };
}
