/**
 * What an image really is, read from its bytes (never its name or declared type), and whether
 * Hailuo can use it. The pixel cap is checked from the header before anything is decoded.
 */
import sharp, { type Metadata } from 'sharp';
import { IMAGE_LIMITS, imageSizeProblem, type ImageContentType } from '@/shared/limits';
import { ImageRefusal } from './image-refusal';

export interface ImageFacts {
  contentType: ImageContentType;
  /** As displayed, i.e. after EXIF orientation. */
  width: number;
  height: number;
}

const FORMATS: Record<string, ImageContentType> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/*
 * Markup a browser would run if it ever took the file for a page. A photo carries none (its XMP
 * metadata is RDF, not these tags), so a file with any is a polyglot and is refused outright.
 */
const ACTIVE_MARKUP = /<(?:script|html|body|iframe|svg|object|embed)\b|<!doctype|<\?php|javascript:/i;

export async function checkImage(bytes: Buffer, code: ImageRefusal['code'] = 'image_invalid'): Promise<ImageFacts> {
  if (bytes.length > IMAGE_LIMITS.maxBytes) {
    throw new ImageRefusal(code, `The image is larger than ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB.`);
  }
  if (ACTIVE_MARKUP.test(bytes.toString('latin1'))) {
    throw new ImageRefusal(
      code,
      'That file has web page code inside it, so it is not a plain image. Use a JPEG, PNG or WebP exported from an image editor.',
    );
  }
  let metadata: Metadata;
  try {
    // Reads the header only: the size is checked here, with a clear message, before any decoding
    // (which always runs with limitInputPixels).
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ImageRefusal(code, 'That file is not an image we can read. Use a JPEG, PNG or WebP.');
  }
  const contentType = metadata.format ? FORMATS[metadata.format] : undefined;
  if (!contentType) {
    throw new ImageRefusal(code, `That is a ${metadata.format ?? 'unknown'} file. Use a JPEG, PNG or WebP image.`);
  }
  const rotated = (metadata.orientation ?? 1) >= 5;
  const width = (rotated ? metadata.height : metadata.width) ?? 0;
  const height = (rotated ? metadata.width : metadata.height) ?? 0;
  assertDimensions(width, height, code);
  return { contentType, width, height };
}

function assertDimensions(width: number, height: number, code: ImageRefusal['code']): void {
  const problem = imageSizeProblem(width, height);
  if (problem) throw new ImageRefusal(code, problem);
}
