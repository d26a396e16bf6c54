/**
 * Schemas of the batch API (issue 9): a batch of images × variants, its summary, the ZIP's
 * manifest and the spend report. Apart from contract.ts only so the dashboard's first load,
 * which imports contract.ts, does not carry them; the same single source for server and browser.
 */
import { z } from 'zod/mini';
import {
  durationSchema,
  httpUrlSchema,
  idsParamSchema,
  imageUrlSchema,
  modelNameSchema,
  modeSchema,
  promptSchema,
  resolutionSchema,
  taskSchema,
  taskStatusSchema,
} from './contract';
import { BATCH_MAX_IMAGES, BATCH_MAX_VARIANTS, SPEND_MAX_DAYS } from './limits';
import { MODEL_IDS, modeOfModel, TEN_SECONDS_1080P_REASON, unavailableReason } from './pricing';

/** One way to make each image: a mode (or a model name, as in the seed), a duration and a resolution. */
const variantFieldsSchema = z
  .strictObject(
    {
      mode: z.optional(modeSchema),
      model: z.optional(modelNameSchema),
      duration: z._default(durationSchema, '6'),
      resolution: z._default(resolutionSchema, '768P'),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown variant field(s): ${issue.keys.join(', ')}.`
          : 'Each variant must be an object such as {"mode": "pro", "duration": "6", "resolution": "768P"}.',
    },
  )
  .check(
    z.superRefine((variant, ctx) => {
      if (variant.mode && variant.model && modeOfModel(variant.model) !== variant.mode)
        ctx.addIssue({
          code: 'custom',
          path: ['model'],
          message: `Give a mode or a model, not two that disagree ("${variant.mode}" and "${variant.model}").`,
        });
    }),
  );

export const batchVariantSchema = z.pipe(
  variantFieldsSchema,
  z.transform(({ mode, model, duration, resolution }: z.output<typeof variantFieldsSchema>) => ({
    model: model ?? MODEL_IDS[mode ?? 'standard'],
    duration,
    resolution,
  })),
);
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
function refuseBatchProblems(value: { images: string[]; variants: BatchVariant[] }, ctx: z.core.$RefinementCtx) {
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
        .check(
          z.minLength(1, { error: 'Add at least one image.' }),
          z.maxLength(BATCH_MAX_IMAGES, { error: `A batch takes at most ${BATCH_MAX_IMAGES} images.` }),
        ),
      variants: z.prefault(
        z.array(batchVariantSchema, { error: 'variants must be a list of {mode, duration, resolution}.' }).check(
          z.minLength(1, { error: 'Choose at least one variant.' }),
          z.maxLength(BATCH_MAX_VARIANTS, {
            error: `A batch takes at most ${BATCH_MAX_VARIANTS} variants per image.`,
          }),
        ),
        [{}],
      ),
      callback_url: z.optional(httpUrlSchema('The callback URL')),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown field(s): ${issue.keys.join(', ')}.`
          : 'The body must be a JSON object.',
    },
  )
  .check(z.superRefine(refuseBatchProblems));
export type BatchRequest = z.infer<typeof batchRequestSchema>;
export type BatchRequestInput = z.input<typeof batchRequestSchema>;

export const batchCreatedSchema = z.object({
  batch_id: z.string(),
  /** In order: every variant of the first image, then of the second, … */
  task_ids: z.array(z.string()),
  total_price_credits: z.int(),
  created_at: z.string(),
});
export type BatchCreated = z.infer<typeof batchCreatedSchema>;

/** `GET /api/v1/batches/{id}`. */
export const batchSchema = z.object({
  batch_id: z.string(),
  prompt: z.string(),
  created_at: z.string(),
  /** When the last task ended; null while any is unfinished. */
  finished_at: z.nullable(z.string()),
  /** The batch's tasks now: a failed task that was retried is counted as its retry. */
  task_count: z.int(),
  counts: z.record(taskStatusSchema, z.int()),
  /** Failed tasks that "Retry failed" has made again (their retries are in the counts). */
  retried: z.int(),
  /** 0–100 over every task; a task that ended counts as 100. */
  progress: z.number(),
  done: z.boolean(),
  total_price_credits: z.int(),
  charged_credits: z.int(),
  /** In the order they were asked for. */
  tasks: z.array(taskSchema),
});
export type Batch = z.infer<typeof batchSchema>;

/** `POST /api/v1/batches/{id}/retry-failed`: 201 when it made retries, 200 when every failed task had one already. */
export const batchRetrySchema = z.object({
  batch_id: z.string(),
  /** The retries this request made (each a new task, same parameters and image, in the same batch). */
  created_task_ids: z.array(z.string()),
  /** Retries an earlier click or request made of the batch's failed tasks: nothing is made twice. */
  earlier_task_ids: z.array(z.string()),
});
export type BatchRetry = z.infer<typeof batchRetrySchema>;

/** `GET /api/v1/downloads.zip?batch_id=…` or `?ids=a,b,c`: exactly one of them. */
export const downloadQuerySchema = z
  .strictObject(
    { batch_id: z.optional(z.string().check(z.minLength(1), z.maxLength(100))), ids: idsParamSchema },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? `Unknown parameter(s): ${issue.keys.join(', ')}.` : undefined,
    },
  )
  .check(
    z.refine((q) => (q.batch_id === undefined) !== (q.ids === undefined || q.ids.length === 0), {
      error: 'Name the videos to download: either batch_id=… or ids=a,b,c (not both).',
    }),
  );

/** One row of the ZIP's manifest.csv / manifest.json. */
export const manifestEntrySchema = z.object({
  task_id: z.string(),
  batch_id: z.nullable(z.string()),
  status: taskStatusSchema,
  /** The MP4's name in the ZIP; null when the video is not in it (not finished). */
  file: z.nullable(z.string()),
  prompt: z.string(),
  image: z.string(),
  /** The photo's own name (its upload's file name, or the link's last path segment); null when unknown. */
  image_name: z.nullable(z.string()),
  model: z.string(),
  mode: modeSchema,
  duration: durationSchema,
  resolution: resolutionSchema,
  price_credits: z.int(),
  charged_credits: z.int(),
  error: z.nullable(z.string()),
  created_at: z.string(),
  finished_at: z.nullable(z.string()),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const downloadManifestSchema = z.object({
  generated_at: z.string(),
  batch_id: z.nullable(z.string()),
  videos: z.int(),
  total_price_credits: z.int(),
  charged_credits: z.int(),
  entries: z.array(manifestEntrySchema),
});
export type DownloadManifest = z.infer<typeof downloadManifestSchema>;

/** `GET /api/v1/billing/spend?days=30&tz_offset_min=60`. */
export const spendQuerySchema = z.strictObject(
  {
    days: z._default(
      z.coerce
        .number({ error: 'days must be a number.' })
        .check(
          z.int({ error: 'days must be a whole number.' }),
          z.minimum(1, { error: 'days must be at least 1.' }),
          z.maximum(SPEND_MAX_DAYS, { error: `days must be at most ${SPEND_MAX_DAYS}.` }),
        ),
      30,
    ),
    /** Minutes east of UTC, so days start at the viewer's midnight (the browser sends its own). */
    tz_offset_min: z._default(
      z.coerce
        .number({ error: 'tz_offset_min must be a number of minutes.' })
        .check(
          z.int({ error: 'tz_offset_min must be a whole number of minutes.' }),
          z.minimum(-840, { error: 'tz_offset_min must be between -840 and 840.' }),
          z.maximum(840, { error: 'tz_offset_min must be between -840 and 840.' }),
        ),
      0,
    ),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unknown parameter(s): ${issue.keys.join(', ')}.` : undefined,
  },
);
export type SpendQuery = z.infer<typeof spendQuerySchema>;

export const spendSchema = z.object({
  days: z.int(),
  from: z.string(),
  to: z.string(),
  tz_offset_min: z.int(),
  total_charged_credits: z.int(),
  /** Every day of the window, oldest first, days without a charge included. */
  by_day: z.array(z.object({ date: z.string(), charged_credits: z.int(), videos: z.int() })),
  /** Batches made in the window, newest first. */
  by_batch: z.array(
    z.object({
      batch_id: z.string(),
      prompt: z.string(),
      created_at: z.string(),
      task_count: z.int(),
      succeeded: z.int(),
      total_price_credits: z.int(),
      charged_credits: z.int(),
    }),
  ),
});
export type Spend = z.infer<typeof spendSchema>;
