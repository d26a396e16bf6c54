/**
 * Schemas of the montage API (issue 21): finished clips joined into one video with a frame,
 * trims, transitions, captions, an end card and a soundtrack; and the audio upload it uses.
 * Apart from contract.ts so the dashboard's first load does not carry them.
 */
import { z } from 'zod/mini';
import { httpUrlSchema, taskResultSchema, taskStatusSchema } from './contract';
import {
  AUDIO_CONTENT_TYPES,
  MONTAGE_FITS,
  MONTAGE_FORMATS,
  MONTAGE_LIMITS,
  MONTAGE_TRANSITIONS,
} from './montage-limits';

const L = MONTAGE_LIMITS;

export const montageFormatSchema = z.enum(MONTAGE_FORMATS, {
  error: `The frame must be one of ${MONTAGE_FORMATS.map((f) => `"${f}"`).join(', ')}.`,
});

const secondsSchema = (what: string) =>
  z
    .number({ error: `${what} must be a number of seconds.` })
    .check(
      z.minimum(0, { error: `${what} cannot be negative.` }),
      z.refine(Number.isFinite, { error: `${what} must be a number of seconds.` }),
    );

function optionalText(what: string, max: number) {
  return z.optional(
    z
      .string({ error: `${what} must be text.` })
      .check(z.trim(), z.maxLength(max, { error: `${what} is too long: at most ${max} characters.` })),
  );
}

export const montageClipSchema = z
  .strictObject({
    task_id: z.string({ error: 'Each clip needs the task_id of a finished video.' }).check(z.minLength(1)),
    start_s: z.optional(secondsSchema('The clip’s start')),
    end_s: z.optional(secondsSchema('The clip’s end')),
    caption: optionalText('A caption', L.captionMaxChars),
  })
  .check(
    z.refine((clip) => clip.start_s === undefined || clip.end_s === undefined || clip.end_s > clip.start_s, {
      error: 'A clip’s end must come after its start.',
      path: ['end_s'],
    }),
  );
export type MontageClip = z.infer<typeof montageClipSchema>;

export const montageAudioSchema = z.strictObject({
  url: httpUrlSchema('The soundtrack'),
  volume: z._default(
    z
      .number({ error: 'The volume must be a number.' })
      .check(
        z.minimum(0, { error: 'The volume cannot be negative.' }),
        z.maximum(L.volumeMax, { error: `The volume is at most ${L.volumeMax} (twice as loud).` }),
      ),
    1,
  ),
  fade_out_s: z._default(
    secondsSchema('The fade-out').check(
      z.maximum(L.fadeOutMaxS, { error: `The fade-out is at most ${L.fadeOutMaxS} s.` }),
    ),
    0,
  ),
});

export const montageEndCardSchema = z.strictObject({
  text: z.string({ error: 'The end card needs its text.' }).check(
    z.trim(),
    z.minLength(1, { error: 'Write the end card’s text, or leave the end card out.' }),
    z.maxLength(L.endCardTextMaxChars, {
      error: `The end card’s text is too long: at most ${L.endCardTextMaxChars} characters.`,
    }),
  ),
  image_url: z.optional(httpUrlSchema('The end card’s logo')),
  duration_s: z._default(
    secondsSchema('The end card’s length').check(
      z.minimum(1, { error: 'The end card lasts at least 1 s.' }),
      z.maximum(L.endCardMaxS, { error: `The end card lasts at most ${L.endCardMaxS} s.` }),
    ),
    L.endCardDefaultS,
  ),
});

export const montageRequestSchema = z.strictObject({
  format: montageFormatSchema,
  fit: z._default(z.enum(MONTAGE_FITS, { error: 'The fit must be "crop" or "pad".' }), 'crop'),
  transition: z._default(z.enum(MONTAGE_TRANSITIONS, { error: 'The transition must be "cut" or "crossfade".' }), 'cut'),
  clips: z
    .array(montageClipSchema, { error: 'Give the clips as a list.' })
    .check(
      z.minLength(L.minClips, { error: 'A montage needs at least one clip.' }),
      z.maxLength(L.maxClips, { error: `A montage takes at most ${L.maxClips} clips.` }),
    ),
  audio: z.optional(montageAudioSchema),
  end_card: z.optional(montageEndCardSchema),
});
export type MontageRequest = z.infer<typeof montageRequestSchema>;
export type MontageRequestInput = z.input<typeof montageRequestSchema>;

/** A montage's video is kept and served as a task's is: the same fields. */
export const montageResultSchema = taskResultSchema;
export type MontageResult = z.infer<typeof montageResultSchema>;

export const montageSchema = z.object({
  montage_id: z.string(),
  status: taskStatusSchema,
  /** 0–100. */
  progress: z.number(),
  format: montageFormatSchema,
  clip_count: z.int(),
  result: z.nullable(montageResultSchema),
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
  created_at: z.string(),
});
export type Montage = z.infer<typeof montageSchema>;

export const montageCreatedSchema = z.object({ montage_id: z.string(), status: taskStatusSchema });
export type MontageCreated = z.infer<typeof montageCreatedSchema>;

export const montageListSchema = z.object({ montages: z.array(montageSchema) });
export type MontageList = z.infer<typeof montageListSchema>;

/** `POST /api/v1/uploads` answers this for a soundtrack (an image gets `uploadSchema`). */
export const audioUploadSchema = z.object({
  id: z.string(),
  url: z.string(),
  content_type: z.enum(AUDIO_CONTENT_TYPES),
  bytes: z.int(),
  duration_s: z.number(),
});
export type AudioUpload = z.infer<typeof audioUploadSchema>;
