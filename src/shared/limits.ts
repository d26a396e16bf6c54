/** Limits shared by the form and the server; the server enforces them, the form explains them. */

/*
 * MiniMax documents 2000 characters for Hailuo 2.3 (API in One says 2500 "for most models"):
 * the model's own limit is the one a longer prompt would meet.
 */
export const PROMPT_MAX_CHARS = 2000;

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/*
 * Hailuo's documented input limits: under 20 MB, short side above 300 px, aspect ratio strictly
 * between 2:5 and 5:2. The pixel cap refuses decompression bombs before decoding. What reaches
 * API in One is always our own JPEG of at most `upstreamMaxBytes` (kie's Hailuo page says 10 MB,
 * and one reseller takes JPEG/PNG only), so a larger or WebP image is re-encoded, not refused.
 */
export const IMAGE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  upstreamMaxBytes: 10 * 1024 * 1024,
  /** The short side must be longer than this (300 px itself is refused). */
  shortSideAbove: 300,
  maxLongSide: 8192,
  maxPixels: 40_000_000,
  /** Width ÷ height must lie strictly between these (exactly 2:5 or 5:2 is refused). */
  minAspect: 2 / 5,
  maxAspect: 5 / 2,
} as const;

/**
 * What is wrong with an image of this size for Hailuo, in words a person can act on, or null
 * when it fits. The browser says it before an upload, the server again when it checks.
 */
export function imageSizeProblem(width: number, height: number): string | null {
  const size = `The image is ${width}×${height} px`;
  const limits = IMAGE_LIMITS;
  if (width * height > limits.maxPixels) {
    return `${size}: too many pixels, at most ${limits.maxPixels / 1e6} megapixels. Resize it.`;
  }
  if (Math.max(width, height) > limits.maxLongSide) {
    return `${size}, larger than Hailuo accepts (at most ${limits.maxLongSide} px on a side). Resize it.`;
  }
  if (Math.min(width, height) <= limits.shortSideAbove) {
    return `${size}; Hailuo needs its short side to be more than ${limits.shortSideAbove} px. Use a larger image.`;
  }
  const aspect = width / height;
  if (aspect <= limits.minAspect || aspect >= limits.maxAspect) {
    return `${size}, too narrow or too wide: Hailuo needs a shape strictly between 2:5 (tall) and 5:2 (wide). Crop it.`;
  }
  return null;
}

export const URL_MAX_CHARS = 2048;

export const TASK_LIST_MAX_LIMIT = 100;
export const TASK_LIST_DEFAULT_LIMIT = 24;

/** The simulated balance the local preview engine starts with. */
export const LOCAL_STARTING_CREDITS = 1000;

/** What one credit is worth, from the seed ("1 credit ≈ $0.01"). */
export const USD_PER_CREDIT = 0.01;

/* A batch (issue 9): up to 20 product photos, each made in up to 4 variants, all in one request. */
export const BATCH_MAX_IMAGES = 20;
export const BATCH_MAX_VARIANTS = 4;
export const BATCH_MAX_TASKS = BATCH_MAX_IMAGES * BATCH_MAX_VARIANTS;

/** How far back the spend report looks at most. */
export const SPEND_MAX_DAYS = 365;
