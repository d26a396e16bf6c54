/** Limits shared by the form and the server; the server enforces them, the form explains them. */

/** MiniMax's prompt limit as documented by resellers of Hailuo 2.3. */
export const PROMPT_MAX_CHARS = 5000;

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/*
 * Hailuo's documented input limits: under 20 MB, short side at least 300 px, aspect ratio
 * between 2:5 and 5:2. The pixel cap refuses decompression bombs before decoding.
 */
export const IMAGE_LIMITS = {
  maxBytes: 20 * 1024 * 1024,
  minShortSide: 300,
  maxLongSide: 8192,
  maxPixels: 40_000_000,
  minAspect: 2 / 5,
  maxAspect: 5 / 2,
} as const;

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
