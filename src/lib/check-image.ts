/**
 * Checks a picked file before it is uploaded, with the same limits the server enforces
 * (shared/limits.ts, whose `imageSizeProblem` words the size and shape rules for both), so a
 * wrong file is explained at once instead of after an upload. The server checks again: these
 * only save a round trip.
 */
import { formatBytes } from './format-bytes';
import { IMAGE_CONTENT_TYPES, IMAGE_LIMITS, type ImageContentType } from '@/shared/limits';

export const ACCEPTED_IMAGE_TYPES = IMAGE_CONTENT_TYPES.join(',');
export const ACCEPTED_IMAGE_NAMES = 'JPEG, PNG or WebP';

/** The type from the file's first bytes: a name or a declared type can lie (an SVG renamed .png). */
export function sniffImageType(head: Uint8Array): ImageContentType | null {
  const at = (i: number) => head[i];
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => at(i) === byte)) return 'image/png';
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type FileCheck = { ok: true; contentType: ImageContentType } | { ok: false; message: string };

export function checkImageFile(file: { name: string; size: number }, head: Uint8Array): FileCheck {
  if (file.size === 0)
    return { ok: false, message: `“${file.name}” is empty. Choose a ${ACCEPTED_IMAGE_NAMES} image.` };
  if (file.size > IMAGE_LIMITS.maxBytes) {
    return {
      ok: false,
      message: `“${file.name}” is ${formatBytes(file.size)}; the limit is ${formatBytes(IMAGE_LIMITS.maxBytes)}. Export a smaller image.`,
    };
  }
  const contentType = sniffImageType(head);
  if (!contentType) {
    return {
      ok: false,
      message: `“${file.name}” is not a ${ACCEPTED_IMAGE_NAMES} image. Choose a photo in one of those formats.`,
    };
  }
  return { ok: true, contentType };
}
