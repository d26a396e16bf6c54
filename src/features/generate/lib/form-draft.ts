/**
 * The one-video form's draft, kept in localStorage so a reload (or a closed tab) does not lose
 * the image, the prompt and the options; cleared once the video is started. The image is kept
 * as its link on this server (an upload is stored there at once), never as the file.
 */
import * as z from 'zod/mini';
import { durationSchema, modeSchema, resolutionSchema, type GenerationForm } from '@/shared/contract';
import { readStored, writeStored } from '@/lib/stored-value';
import type { ImageSourceState, KnownImage } from '@/features/generate/hooks/use-image-source';

const KEY = 'hailuo-generate-draft';

/* What was stored may come from an older version of the page: anything that does not fit is dropped. */
const draftSchema = z.object({
  values: z.object({
    mode: modeSchema,
    prompt: z.string(),
    image: z.string(),
    duration: durationSchema,
    resolution: resolutionSchema,
  }),
  image: z.nullable(
    z.object({
      origin: z.enum(['upload', 'link', 'previous']),
      name: z.string(),
      bytes: z.nullable(z.number()),
      width: z.nullable(z.number()),
      height: z.nullable(z.number()),
    }),
  ),
});

export interface FormDraft {
  values: GenerationForm;
  image: KnownImage | null;
}

export function readDraft(): FormDraft | null {
  const stored = readStored(KEY);
  if (!stored) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The draft of these values and image; an untouched form keeps no draft. */
export function draftOf(values: GenerationForm, image: ImageSourceState, defaults: GenerationForm): FormDraft | null {
  const ready = image.kind === 'ready' && image.url === values.image;
  const draft: FormDraft = {
    values: { ...values, image: ready ? values.image : '' },
    image: ready
      ? { origin: image.origin, name: image.name, bytes: image.bytes, width: image.width, height: image.height }
      : null,
  };
  const untouched = (Object.keys(defaults) as (keyof GenerationForm)[]).every(
    (key) => draft.values[key] === defaults[key],
  );
  return untouched ? null : draft;
}

export function writeDraft(draft: FormDraft | null): void {
  writeStored(KEY, draft ? JSON.stringify(draft) : null);
}
