/**
 * Which form field a server error belongs to, so it is shown next to that field and not
 * only in a toast. The server's `details` for validation errors are read tolerantly: a list
 * of `{ path, message }` or an object keyed by field.
 */
import type { ApiError } from '@/lib/api-client';
import type { GenerationForm } from '@/shared/contract';

export type FormField = keyof GenerationForm;

const CODE_FIELDS: Record<string, FormField> = {
  image_unreachable: 'image',
  image_invalid: 'image',
  upload_invalid: 'image',
  unsupported_combination: 'resolution',
  unknown_model: 'mode',
  model_not_available: 'mode',
};

/* The request says `model`; the form says `mode`. */
const REQUEST_TO_FORM: Record<string, FormField> = {
  prompt: 'prompt',
  image: 'image',
  duration: 'duration',
  resolution: 'resolution',
  model: 'mode',
};

export interface FieldError {
  field: FormField;
  message: string;
}

function firstSegment(path: unknown): string | undefined {
  if (Array.isArray(path)) return typeof path[0] === 'string' ? path[0] : undefined;
  return typeof path === 'string' ? path.split('.')[0] : undefined;
}

function fromDetails(details: unknown): FieldError | null {
  const entries: [unknown, unknown][] = Array.isArray(details)
    ? details.map((d: { path?: unknown; field?: unknown; message?: unknown }) => [d?.path ?? d?.field, d?.message])
    : details && typeof details === 'object'
      ? Object.entries(details)
      : [];
  for (const [path, message] of entries) {
    const field = REQUEST_TO_FORM[firstSegment(path) ?? ''];
    if (field && typeof message === 'string') return { field, message };
  }
  return null;
}

export function fieldOfError(error: Pick<ApiError, 'code' | 'message' | 'details'>): FieldError | null {
  const byCode = CODE_FIELDS[error.code];
  if (byCode) return { field: byCode, message: error.message };
  if (error.code === 'validation_failed') return fromDetails(error.details);
  return null;
}
