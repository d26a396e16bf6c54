/**
 * Zod schemas of every request and response of the API: the single source of truth for the
 * server's validation, the browser's form and the types on both sides.
 */
import { z } from 'zod';
import { ERROR_CODES } from './errors';
import {
  BATCH_MAX_IMAGES,
  BATCH_MAX_VARIANTS,
  IMAGE_CONTENT_TYPES,
  PROMPT_MAX_CHARS,
  SPEND_MAX_DAYS,
  TASK_LIST_DEFAULT_LIMIT,
  TASK_LIST_MAX_LIMIT,
  URL_MAX_CHARS,
} from './limits';
import {
  DEFAULT_MODEL_ID,
  DURATIONS,
  HAILUO_MODEL_NAMES,
  MODEL_IDS,
  MODES,
  modeOfModel,
  RESOLUTIONS,
  unavailableReason,
  TEN_SECONDS_1080P_REASON,
} from './pricing';
import { TASK_STATUSES } from './status';

// ---------- fields ----------

export const promptSchema = z
  .string({ error: 'Write a prompt describing the motion you want.' })
  .trim()
  .min(1, { error: 'Write a prompt describing the motion you want.' })
  .max(PROMPT_MAX_CHARS, { error: `The prompt is too long: at most ${PROMPT_MAX_CHARS} characters.` });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An absolute http(s) URL; `what` names the field in the message a person reads. */
export function httpUrlSchema(what: string) {
  return z
    .string({ error: `${what} must be a link starting with http:// or https://.` })
    .trim()
    .min(1, { error: `Add ${what.toLowerCase()}.` })
    .max(URL_MAX_CHARS, { error: `${what} is too long: at most ${URL_MAX_CHARS} characters.` })
    .refine(isHttpUrl, { error: `${what} must be a link starting with http:// or https://.` });
}

export const imageUrlSchema = httpUrlSchema('The reference image');

export const durationSchema = z.enum(DURATIONS, { error: 'Duration must be "6" or "10" (seconds, as a string).' });
export const resolutionSchema = z.enum(RESOLUTIONS, { error: 'Resolution must be "768P" or "1080P".' });
export const modeSchema = z.enum(MODES, { error: 'Mode must be "standard" or "pro".' });
export const modelNameSchema = z.enum(HAILUO_MODEL_NAMES, {
  error: `Model must be one of ${HAILUO_MODEL_NAMES.map((m) => `"${m}"`).join(', ')}.`,
});
export const taskStatusSchema = z.enum(TASK_STATUSES);

/** Refuses the one combination Hailuo 2.3 does not offer, on the resolution field. */
function refuseUnavailable(
  value: { duration: (typeof DURATIONS)[number]; resolution: (typeof RESOLUTIONS)[number] },
  ctx: z.RefinementCtx,
) {
  const reason = unavailableReason(
    { unavailable: [{ duration: '10', resolution: '1080P', reason: TEN_SECONDS_1080P_REASON }] },
    value.duration,
    value.resolution,
  );
  if (reason)
    ctx.addIssue({
      code: 'custom',
      path: ['resolution'],
      message: reason,
      params: { code: 'unsupported_combination' },
    });
}

// ---------- generations ----------

/** `POST /api/v1/videos/generations`: the seed's body, unchanged. */
export const generationRequestSchema = z
  .strictObject(
    {
      model: modelNameSchema.default(DEFAULT_MODEL_ID),
      prompt: promptSchema,
      image: imageUrlSchema,
      duration: durationSchema.default('6'),
      resolution: resolutionSchema.default('768P'),
      callback_url: httpUrlSchema('The callback URL').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown field(s): ${issue.keys.join(', ')}.`
          : 'The body must be a JSON object.',
    },
  )
  .superRefine(refuseUnavailable);
export type GenerationRequest = z.infer<typeof generationRequestSchema>;
export type GenerationRequestInput = z.input<typeof generationRequestSchema>;

/** The dashboard's form: the same fields, with mode in place of the sub-model id. */
export const generationFormSchema = z
  .object({
    mode: modeSchema,
    prompt: promptSchema,
    image: imageUrlSchema,
    duration: durationSchema,
    resolution: resolutionSchema,
  })
  .superRefine(refuseUnavailable);
export type GenerationForm = z.infer<typeof generationFormSchema>;

export const generationCreatedSchema = z.object({
  task_id: z.string(),
  status: taskStatusSchema,
  model: z.string(),
  price_credits: z.number().int(),
  created_at: z.string(),
});
export type GenerationCreated = z.infer<typeof generationCreatedSchema>;

// ---------- tasks ----------

export const taskResultSchema = z.object({
  video_url: z.string(),
  poster_url: z.string(),
  download_url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  duration_s: z.number(),
});
export type TaskResult = z.infer<typeof taskResultSchema>;

export const taskErrorSchema = z.object({ code: z.string(), message: z.string() });

export const taskSchema = z.object({
  task_id: z.string(),
  status: taskStatusSchema,
  model: z.string(),
  mode: modeSchema,
  prompt: z.string(),
  image: z.string(),
  duration: durationSchema,
  resolution: resolutionSchema,
  price_credits: z.number().int(),
  charged_credits: z.number().int(),
  /** 0–100. */
  progress: z.number(),
  /** Seconds left, estimated from elapsed time; null when unknown or final. */
  eta_s: z.number().nullable(),
  result: taskResultSchema.nullable(),
  error: taskErrorSchema.nullable(),
  upstream_task_id: z.string().nullable(),
  engine: z.enum(['local', 'apiinone']),
  batch_id: z.string().nullable(),
  callback_url: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.string().nullable(),
});
export type Task = z.infer<typeof taskSchema>;

/** `ids=a,b,c` in a query string: task ids, comma-separated. */
const idsParamSchema = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
  .pipe(
    z
      .array(z.string().max(100))
      .max(TASK_LIST_MAX_LIMIT, { error: `At most ${TASK_LIST_MAX_LIMIT} ids at once.` })
      .optional(),
  );

/** `GET /api/v1/tasks`: filters, newest first, cursor paging. */
export const taskListQuerySchema = z.strictObject(
  {
    status: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').filter(Boolean) : undefined))
      .pipe(z.array(z.enum(TASK_STATUSES, { error: `Status must be any of ${TASK_STATUSES.join(', ')}.` })).optional()),
    model: z.string().max(200).optional(),
    mode: modeSchema.optional(),
    q: z.string().max(500, { error: 'The search text is too long: at most 500 characters.' }).optional(),
    from: z.iso
      .datetime({ offset: true, error: '"from" must be an ISO date-time, e.g. 2026-01-31T00:00:00Z.' })
      .optional(),
    to: z.iso.datetime({ offset: true, error: '"to" must be an ISO date-time, e.g. 2026-01-31T23:59:59Z.' }).optional(),
    batch_id: z.string().max(100).optional(),
    ids: idsParamSchema,
    cursor: z.string().max(200).optional(),
    limit: z.coerce
      .number({ error: 'limit must be a number.' })
      .int({ error: 'limit must be a whole number.' })
      .min(1, { error: 'limit must be at least 1.' })
      .max(TASK_LIST_MAX_LIMIT, { error: `limit must be at most ${TASK_LIST_MAX_LIMIT}.` })
      .default(TASK_LIST_DEFAULT_LIMIT),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown filter(s): ${issue.keys.join(', ')}.` : undefined),
  },
);
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;
export type TaskListQueryInput = z.input<typeof taskListQuerySchema>;

export const taskListSchema = z.object({
  items: z.array(taskSchema),
  next_cursor: z.string().nullable(),
  counts: z.record(taskStatusSchema, z.number().int()),
});
export type TaskList = z.infer<typeof taskListSchema>;

/** One row of a task's story, for the support timeline. */
export const taskEventSchema = z.object({
  at: z.string(),
  status: taskStatusSchema,
  progress: z.number().nullable(),
  source: z.enum(['api', 'engine', 'tracker', 'webhook', 'recovery']),
  message: z.string().nullable(),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;

/** A request to, or answer from, the upstream, with secrets removed. */
export const upstreamExchangeSchema = z.object({
  at: z.string(),
  operation: z.enum(['submit', 'poll', 'webhook', 'download', 'callback']),
  http_status: z.number().int().nullable(),
  body: z.unknown(),
  error: z.string().nullable(),
});
export type UpstreamExchange = z.infer<typeof upstreamExchangeSchema>;

/** `GET /api/v1/tasks/{id}/history`. */
export const taskHistorySchema = z.object({
  task_id: z.string(),
  events: z.array(taskEventSchema),
  upstream: z.array(upstreamExchangeSchema),
  ledger: z.array(z.object({ at: z.string(), credits: z.number().int(), reason: z.string() })),
});
export type TaskHistory = z.infer<typeof taskHistorySchema>;

// ---------- images ----------

export const imageInfoSchema = z.object({
  id: z.string().nullable(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  content_type: z.enum(IMAGE_CONTENT_TYPES),
  bytes: z.number().int(),
});
export type ImageInfo = z.infer<typeof imageInfoSchema>;

/** `POST /api/v1/uploads` answers 201 with this. */
export const uploadSchema = imageInfoSchema.extend({ id: z.string() });
export type Upload = z.infer<typeof uploadSchema>;

/** `POST /api/v1/images/inspect`: the server checks a linked image before a job is submitted. */
export const imageInspectRequestSchema = z.strictObject({ url: imageUrlSchema });

// ---------- catalogue, billing, health ----------

const pricePointSchema = z.object({
  duration: durationSchema,
  resolution: resolutionSchema,
  credits: z.number().int(),
});

export const catalogueModelSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.literal('video'),
  description: z.string(),
  aliases: z.array(z.string()),
  generatable: z.boolean(),
  mode: modeSchema.nullable(),
  prices: z.array(pricePointSchema),
  flat_price_credits: z.number().int().nullable(),
  unavailable: z.array(z.object({ duration: durationSchema, resolution: resolutionSchema, reason: z.string() })),
});

export const catalogueSchema = z.object({
  models: z.array(catalogueModelSchema),
  default_model: z.string(),
  durations: z.array(durationSchema),
  resolutions: z.array(resolutionSchema),
  usd_per_credit: z.number(),
});
export type Catalogue = z.infer<typeof catalogueSchema>;

export const creditsSchema = z.object({
  balance: z.number().int(),
  spent: z.number().int(),
  refunded: z.number().int(),
  simulated: z.boolean(),
  usd_per_credit: z.number(),
});
export type Credits = z.infer<typeof creditsSchema>;

export const healthSchema = z.object({
  ok: z.boolean(),
  engine: z.enum(['local', 'apiinone']),
  simulated: z.boolean(),
  version: z.string(),
  uptime_s: z.number(),
});
export type Health = z.infer<typeof healthSchema>;

// ---------- batches, downloads, spend (issue 9) ----------

/** One way to make each image: a mode (or a model name, as in the seed), a duration and a resolution. */
export const batchVariantSchema = z
  .strictObject(
    {
      mode: modeSchema.optional(),
      model: modelNameSchema.optional(),
      duration: durationSchema.default('6'),
      resolution: resolutionSchema.default('768P'),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown variant field(s): ${issue.keys.join(', ')}.`
          : 'Each variant must be an object such as {"mode": "pro", "duration": "6", "resolution": "768P"}.',
    },
  )
  .superRefine((variant, ctx) => {
    if (variant.mode && variant.model && modeOfModel(variant.model) !== variant.mode)
      ctx.addIssue({
        code: 'custom',
        path: ['model'],
        message: `Give a mode or a model, not two that disagree ("${variant.mode}" and "${variant.model}").`,
      });
  })
  .transform(({ mode, model, duration, resolution }) => ({
    model: model ?? MODEL_IDS[mode ?? 'standard'],
    duration,
    resolution,
  }));
export type BatchVariant = z.infer<typeof batchVariantSchema>;
export type BatchVariantInput = z.input<typeof batchVariantSchema>;

function variantLabel(variant: BatchVariant): string {
  return `${modeOfModel(variant.model) ?? variant.model}, ${variant.duration} s, ${variant.resolution}`;
}

/** The first index at which each item repeats an earlier one (by `keyOf`). */
function repeats<T>(items: readonly T[], keyOf: (item: T) => string): { index: number; first: number }[] {
  const seen = new Map<string, number>();
  return items.flatMap((item, index) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    return first === undefined ? [] : [{ index, first }];
  });
}

/*
 * The whole batch is refused for one bad combination (no task is made), and the message names
 * which variant. A repeated image or variant would only pay twice for the same video.
 */
function refuseBatchProblems(value: { images: string[]; variants: BatchVariant[] }, ctx: z.RefinementCtx) {
  value.variants.forEach((variant, i) => {
    const reason = unavailableReason(
      { unavailable: [{ duration: '10', resolution: '1080P', reason: TEN_SECONDS_1080P_REASON }] },
      variant.duration,
      variant.resolution,
    );
    if (reason)
      ctx.addIssue({
        code: 'custom',
        path: ['variants', i, 'resolution'],
        message: `Variant ${i + 1} (${variantLabel(variant)}) is not offered: ${reason}`,
        params: { code: 'unsupported_combination' },
      });
  });
  for (const { index, first } of repeats(value.variants, (v) => variantLabel(v)))
    ctx.addIssue({
      code: 'custom',
      path: ['variants', index],
      message: `Variant ${index + 1} repeats variant ${first + 1} (${variantLabel(value.variants[index]!)}).`,
    });
  for (const { index, first } of repeats(value.images, (url) => url))
    ctx.addIssue({
      code: 'custom',
      path: ['images', index],
      message: `Image ${index + 1} is the same link as image ${first + 1}.`,
    });
}

/** `POST /api/v1/batches`: one task per image × variant, made together or not at all. */
export const batchRequestSchema = z
  .strictObject(
    {
      prompt: promptSchema,
      images: z
        .array(imageUrlSchema, { error: 'images must be a list of image links.' })
        .min(1, { error: 'Add at least one image.' })
        .max(BATCH_MAX_IMAGES, { error: `A batch takes at most ${BATCH_MAX_IMAGES} images.` }),
      variants: z
        .array(batchVariantSchema, { error: 'variants must be a list of {mode, duration, resolution}.' })
        .min(1, { error: 'Choose at least one variant.' })
        .max(BATCH_MAX_VARIANTS, { error: `A batch takes at most ${BATCH_MAX_VARIANTS} variants per image.` })
        .prefault([{}]),
      callback_url: httpUrlSchema('The callback URL').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown field(s): ${issue.keys.join(', ')}.`
          : 'The body must be a JSON object.',
    },
  )
  .superRefine(refuseBatchProblems);
export type BatchRequest = z.infer<typeof batchRequestSchema>;
export type BatchRequestInput = z.input<typeof batchRequestSchema>;

export const batchCreatedSchema = z.object({
  batch_id: z.string(),
  /** In order: every variant of the first image, then of the second, … */
  task_ids: z.array(z.string()),
  total_price_credits: z.number().int(),
  created_at: z.string(),
});
export type BatchCreated = z.infer<typeof batchCreatedSchema>;

/** `GET /api/v1/batches/{id}`. */
export const batchSchema = z.object({
  batch_id: z.string(),
  prompt: z.string(),
  created_at: z.string(),
  /** When the last task ended; null while any is unfinished. */
  finished_at: z.string().nullable(),
  task_count: z.number().int(),
  counts: z.record(taskStatusSchema, z.number().int()),
  /** 0–100 over every task; a task that ended counts as 100. */
  progress: z.number(),
  done: z.boolean(),
  total_price_credits: z.number().int(),
  charged_credits: z.number().int(),
  /** In the order they were asked for. */
  tasks: z.array(taskSchema),
});
export type Batch = z.infer<typeof batchSchema>;

/** `GET /api/v1/downloads.zip?batch_id=…` or `?ids=a,b,c`: exactly one of them. */
export const downloadQuerySchema = z
  .strictObject(
    { batch_id: z.string().min(1).max(100).optional(), ids: idsParamSchema },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `Unknown parameter(s): ${issue.keys.join(', ')}.` : undefined,
    },
  )
  .refine((q) => (q.batch_id === undefined) !== (q.ids === undefined || q.ids.length === 0), {
    error: 'Name the videos to download: either batch_id=… or ids=a,b,c (not both).',
  });

/** One row of the ZIP's manifest.csv / manifest.json. */
export const manifestEntrySchema = z.object({
  task_id: z.string(),
  batch_id: z.string().nullable(),
  status: taskStatusSchema,
  /** The MP4's name in the ZIP; null when the video is not in it (not finished). */
  file: z.string().nullable(),
  prompt: z.string(),
  image: z.string(),
  model: z.string(),
  mode: modeSchema,
  duration: durationSchema,
  resolution: resolutionSchema,
  price_credits: z.number().int(),
  charged_credits: z.number().int(),
  error: z.string().nullable(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const downloadManifestSchema = z.object({
  generated_at: z.string(),
  batch_id: z.string().nullable(),
  videos: z.number().int(),
  total_price_credits: z.number().int(),
  charged_credits: z.number().int(),
  entries: z.array(manifestEntrySchema),
});
export type DownloadManifest = z.infer<typeof downloadManifestSchema>;

/** `GET /api/v1/billing/spend?days=30&tz_offset_min=60`. */
export const spendQuerySchema = z.strictObject(
  {
    days: z.coerce
      .number({ error: 'days must be a number.' })
      .int({ error: 'days must be a whole number.' })
      .min(1, { error: 'days must be at least 1.' })
      .max(SPEND_MAX_DAYS, { error: `days must be at most ${SPEND_MAX_DAYS}.` })
      .default(30),
    /** Minutes east of UTC, so days start at the viewer's midnight (the browser sends its own). */
    tz_offset_min: z.coerce
      .number({ error: 'tz_offset_min must be a number of minutes.' })
      .int({ error: 'tz_offset_min must be a whole number of minutes.' })
      .min(-840, { error: 'tz_offset_min must be between -840 and 840.' })
      .max(840, { error: 'tz_offset_min must be between -840 and 840.' })
      .default(0),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unknown parameter(s): ${issue.keys.join(', ')}.` : undefined,
  },
);
export type SpendQuery = z.infer<typeof spendQuerySchema>;

export const spendSchema = z.object({
  days: z.number().int(),
  from: z.string(),
  to: z.string(),
  tz_offset_min: z.number().int(),
  total_charged_credits: z.number().int(),
  /** Every day of the window, oldest first, days without a charge included. */
  by_day: z.array(z.object({ date: z.string(), charged_credits: z.number().int(), videos: z.number().int() })),
  /** Batches made in the window, newest first. */
  by_batch: z.array(
    z.object({
      batch_id: z.string(),
      prompt: z.string(),
      created_at: z.string(),
      task_count: z.number().int(),
      succeeded: z.number().int(),
      total_price_credits: z.number().int(),
      charged_credits: z.number().int(),
    }),
  ),
});
export type Spend = z.infer<typeof spendSchema>;

// ---------- errors ----------

export const apiErrorSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
