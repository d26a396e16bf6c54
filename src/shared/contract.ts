/**
 * Zod schemas of every request and response of the API: the single source of truth for the
 * server's validation, the browser's form and the types on both sides. Written with zod/mini,
 * whose functions tree-shake, so the dashboard's first load carries only the parts it uses
 * (classic zod's methods ship whole: ~15 KB gzip more, measured with `npm run bench -- bundle`).
 */
import { z } from 'zod/mini';
import './zod-english';
import { ATTENTION_CODES, ERROR_CODES } from './errors';
import {
  IMAGE_CONTENT_TYPES,
  PROMPT_MAX_CHARS,
  TASK_LIST_DEFAULT_LIMIT,
  TASK_LIST_MAX_LIMIT,
  URL_MAX_CHARS,
} from './limits';
import {
  DEFAULT_MODEL_ID,
  DURATIONS,
  HAILUO_MODEL_NAMES,
  MODES,
  RESOLUTIONS,
  unavailableReason,
  TEN_SECONDS_1080P_REASON,
} from './pricing';
import { TASK_STATUSES } from './status';

// ---------- fields ----------

export const promptSchema = z.string({ error: 'Write a prompt describing the motion you want.' }).check(
  z.trim(),
  z.minLength(1, { error: 'Write a prompt describing the motion you want.' }),
  z.maxLength(PROMPT_MAX_CHARS, {
    error: `The prompt is too long: at most ${PROMPT_MAX_CHARS} characters (Hailuo’s own limit).`,
  }),
);

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
    .check(
      z.trim(),
      z.minLength(1, { error: `Add ${what.toLowerCase()}.` }),
      z.maxLength(URL_MAX_CHARS, { error: `${what} is too long: at most ${URL_MAX_CHARS} characters.` }),
      z.refine(isHttpUrl, { error: `${what} must be a link starting with http:// or https://.` }),
    );
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
  ctx: z.core.$RefinementCtx,
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
      model: z._default(modelNameSchema, DEFAULT_MODEL_ID),
      prompt: promptSchema,
      image: imageUrlSchema,
      duration: z._default(durationSchema, '6'),
      resolution: z._default(resolutionSchema, '768P'),
      callback_url: z.optional(httpUrlSchema('The callback URL')),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown field(s): ${issue.keys.join(', ')}.`
          : 'The body must be a JSON object.',
    },
  )
  .check(z.superRefine(refuseUnavailable));
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
  .check(z.superRefine(refuseUnavailable));
export type GenerationForm = z.infer<typeof generationFormSchema>;

export const generationCreatedSchema = z.object({
  task_id: z.string(),
  status: taskStatusSchema,
  model: z.string(),
  price_credits: z.int(),
  created_at: z.string(),
});
export type GenerationCreated = z.infer<typeof generationCreatedSchema>;

// ---------- tasks ----------

export const taskResultSchema = z.object({
  video_url: z.string(),
  poster_url: z.string(),
  download_url: z.string(),
  width: z.int(),
  height: z.int(),
  duration_s: z.number(),
});
export type TaskResult = z.infer<typeof taskResultSchema>;

export const taskErrorSchema = z.object({ code: z.string(), message: z.string() });

/**
 * Set when the task needs a person: the engine may have made (and billed) a video this server
 * does not have. `message` says where to look; `error` says what happened.
 */
export const taskAttentionSchema = z.object({ reason: z.enum(ATTENTION_CODES), message: z.string() });
export type TaskAttention = z.infer<typeof taskAttentionSchema>;

export const taskSchema = z.object({
  task_id: z.string(),
  status: taskStatusSchema,
  model: z.string(),
  mode: modeSchema,
  prompt: z.string(),
  image: z.string(),
  /** The photo's own name: its upload's file name, or a link's last path segment; null when unknown. */
  image_name: z.nullable(z.string()),
  duration: durationSchema,
  resolution: resolutionSchema,
  price_credits: z.int(),
  charged_credits: z.int(),
  /** 0–100. */
  progress: z.number(),
  /** Seconds left, estimated from elapsed time; null when unknown or final. */
  eta_s: z.nullable(z.number()),
  result: z.nullable(taskResultSchema),
  error: z.nullable(taskErrorSchema),
  attention: z.nullable(taskAttentionSchema),
  upstream_task_id: z.nullable(z.string()),
  engine: z.enum(['local', 'apiinone']),
  batch_id: z.nullable(z.string()),
  callback_url: z.nullable(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
  finished_at: z.nullable(z.string()),
  /** The failed task this one retries ("Retry failed" on a batch), if any. */
  retry_of: z.nullable(z.string()),
});
export type Task = z.infer<typeof taskSchema>;

export const CANCEL_REASON_MAX_CHARS = 300;

/** `POST /api/v1/tasks/{id}/cancel`: the body is optional; a reason is recorded in the task's history. */
export const taskCancelRequestSchema = z.strictObject(
  {
    reason: z.optional(
      z.string({ error: 'reason must be text.' }).check(
        z.trim(),
        z.maxLength(CANCEL_REASON_MAX_CHARS, {
          error: `The reason is too long: at most ${CANCEL_REASON_MAX_CHARS} characters.`,
        }),
      ),
    ),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown field(s): ${issue.keys.join(', ')}. Send {} or {"reason": "…"}.`
        : 'The body must be a JSON object such as {"reason": "…"}, or empty.',
  },
);
export type TaskCancelRequest = z.infer<typeof taskCancelRequestSchema>;

/** The answer to a cancel: the task, and plainly what the cancel could not stop. */
export const taskCanceledSchema = z.object({
  task: taskSchema,
  /**
   * True when the real engine had already taken the task: API in One has no cancel, so the video
   * may still be made (and billed by API in One); this server no longer follows it or charges it.
   */
  engine_may_continue: z.boolean(),
  message: z.string(),
});
export type TaskCanceled = z.infer<typeof taskCanceledSchema>;

/**
 * `POST /api/v1/tasks/{id}/hide` and `…/unhide`. Whether a task is hidden is the gallery's
 * business, not part of the task (whose answer never changes once it is final): the gallery lists
 * with `hidden=0`.
 */
export const taskHiddenSchema = z.object({ task_id: z.string(), hidden_at: z.nullable(z.string()) });
export type TaskHidden = z.infer<typeof taskHiddenSchema>;

/** `a,b,,c` → ['a', 'b', 'c']; nothing → undefined (a query parameter that was left out). */
function splitCommas(value: string | undefined): string[] | undefined {
  return value ? value.split(',').filter(Boolean) : undefined;
}

/** `ids=a,b,c` in a query string: task ids, comma-separated. */
export const idsParamSchema = z.pipe(
  z.pipe(z.optional(z.string()), z.transform(splitCommas)),
  z.optional(
    z
      .array(z.string().check(z.maxLength(100)))
      .check(z.maxLength(TASK_LIST_MAX_LIMIT, { error: `At most ${TASK_LIST_MAX_LIMIT} ids at once.` })),
  ),
);

/** `GET /api/v1/tasks`: filters, newest first, cursor paging. */
export const taskListQuerySchema = z.strictObject(
  {
    status: z.pipe(
      z.pipe(z.optional(z.string()), z.transform(splitCommas)),
      z.optional(z.array(z.enum(TASK_STATUSES, { error: `Status must be any of ${TASK_STATUSES.join(', ')}.` }))),
    ),
    model: z.optional(z.string().check(z.maxLength(200))),
    mode: z.optional(modeSchema),
    q: z.optional(
      z.string().check(z.maxLength(500, { error: 'The search text is too long: at most 500 characters.' })),
    ),
    from: z.optional(
      z.iso.datetime({ offset: true, error: '"from" must be an ISO date-time, e.g. 2026-01-31T00:00:00Z.' }),
    ),
    to: z.optional(
      z.iso.datetime({ offset: true, error: '"to" must be an ISO date-time, e.g. 2026-01-31T23:59:59Z.' }),
    ),
    batch_id: z.optional(z.string().check(z.maxLength(100))),
    /** `attention=1`: only the tasks that need a person (see taskAttentionSchema). */
    attention: z.optional(
      z.literal('1', { error: 'attention must be 1 (only the tasks that need a person), or left out.' }),
    ),
    ids: idsParamSchema,
    /** `hidden=0`: leave out the tasks hidden from the gallery (the gallery asks so); unset: every task. */
    hidden: z.optional(z.literal('0', { error: 'hidden must be 0 (leave hidden tasks out), or left out.' })),
    cursor: z.optional(z.string().check(z.maxLength(200))),
    limit: z._default(
      z.coerce
        .number({ error: 'limit must be a number.' })
        .check(
          z.int({ error: 'limit must be a whole number.' }),
          z.minimum(1, { error: 'limit must be at least 1.' }),
          z.maximum(TASK_LIST_MAX_LIMIT, { error: `limit must be at most ${TASK_LIST_MAX_LIMIT}.` }),
        ),
      TASK_LIST_DEFAULT_LIMIT,
    ),
  },
  {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown filter(s): ${issue.keys.join(', ')}.` : undefined),
  },
);
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;
export type TaskListQueryInput = z.input<typeof taskListQuerySchema>;

/** How many matching tasks the server counts past its tally (a search, a time range): more reads "1,000+". */
export const COUNT_CAP = 1000;

export const taskListSchema = z.object({
  items: z.array(taskSchema),
  next_cursor: z.nullable(z.string()),
  counts: z.record(taskStatusSchema, z.int()),
  /** Tasks that need a person, for the same filters but the status. */
  needs_attention: z.int(),
  /**
   * True when a search or a time range matched more tasks than the server counts (COUNT_CAP):
   * the counts and needs_attention are then lower bounds, taken over the first tasks it read.
   */
  counts_capped: z.boolean(),
});
export type TaskList = z.infer<typeof taskListSchema>;

/** One row of a task's story, for the support timeline. */
export const taskEventSchema = z.object({
  at: z.string(),
  status: taskStatusSchema,
  progress: z.nullable(z.number()),
  source: z.enum(['api', 'engine', 'tracker', 'webhook', 'recovery']),
  message: z.nullable(z.string()),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;

/** A request to, or answer from, the upstream, with secrets removed. */
export const upstreamExchangeSchema = z.object({
  at: z.string(),
  operation: z.enum(['submit', 'poll', 'webhook', 'download', 'callback']),
  http_status: z.nullable(z.int()),
  body: z.unknown(),
  error: z.nullable(z.string()),
});
export type UpstreamExchange = z.infer<typeof upstreamExchangeSchema>;

/** `GET /api/v1/tasks/{id}/history`. */
export const taskHistorySchema = z.object({
  task_id: z.string(),
  events: z.array(taskEventSchema),
  upstream: z.array(upstreamExchangeSchema),
  ledger: z.array(z.object({ at: z.string(), credits: z.int(), reason: z.string() })),
});
export type TaskHistory = z.infer<typeof taskHistorySchema>;

// ---------- images ----------

export const imageInfoSchema = z.object({
  id: z.nullable(z.string()),
  url: z.string(),
  width: z.int(),
  height: z.int(),
  content_type: z.enum(IMAGE_CONTENT_TYPES),
  bytes: z.int(),
});
export type ImageInfo = z.infer<typeof imageInfoSchema>;

/** `POST /api/v1/uploads` answers 201 with this. */
export const uploadSchema = z.extend(imageInfoSchema, {
  id: z.string(),
  /** The photo's own file name as recorded (sanitized), shown with its videos; null when none was sent. */
  name: z.nullable(z.string()),
});
export type Upload = z.infer<typeof uploadSchema>;

/** `POST /api/v1/images/inspect`: the server checks a linked image before a job is submitted. */
export const imageInspectRequestSchema = z.strictObject({ url: imageUrlSchema });

// ---------- catalogue, billing, health ----------

const pricePointSchema = z.object({
  duration: durationSchema,
  resolution: resolutionSchema,
  credits: z.int(),
});

export const catalogueModelSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.literal('video'),
  description: z.string(),
  aliases: z.array(z.string()),
  generatable: z.boolean(),
  mode: z.nullable(modeSchema),
  prices: z.array(pricePointSchema),
  flat_price_credits: z.nullable(z.int()),
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
  balance: z.int(),
  spent: z.int(),
  refunded: z.int(),
  simulated: z.boolean(),
  usd_per_credit: z.number(),
});
export type Credits = z.infer<typeof creditsSchema>;

/** One dependency's check in the health answer: reachable or not, how fast, and what else it says. */
export const healthCheckResultSchema = z.catchall(
  z.object({ ok: z.boolean(), latency_ms: z.number(), error: z.optional(z.string()) }),
  z.union([z.string(), z.number(), z.boolean()]),
);
export type HealthCheckResult = z.infer<typeof healthCheckResultSchema>;

export const healthSchema = z.object({
  ok: z.boolean(),
  engine: z.enum(['local', 'apiinone']),
  simulated: z.boolean(),
  version: z.string(),
  uptime_s: z.number(),
  /** By dependency: `database`, and whatever else the server needs to answer (each check adds its key). */
  checks: z.record(z.string(), healthCheckResultSchema),
});
export type Health = z.infer<typeof healthSchema>;

// Batches, ZIP downloads and spend: in batch-contract.ts, so the first page load (which
// imports this file) does not carry schemas only the batch views and the server use.

// ---------- errors ----------

export const apiErrorSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.optional(z.unknown()) }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
