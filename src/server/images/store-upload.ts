/**
 * Turns uploaded bytes into a stored image: type from the bytes, limits checked before any
 * decoding, then re-encoded in its own format — which drops metadata (EXIF, GPS) and anything
 * riding along in the file (polyglots) — under a random name.
 */
import sharp, { type Sharp } from 'sharp';
import { IMAGE_LIMITS, type ImageContentType } from '@/shared/limits';
import { mediaFile, type MediaExtension, type MediaStorage } from '@/server/media/media-storage';
import { newId } from '@/server/store/new-id';
import type { ImageUploadRecord } from '@/server/store/uploads-store';
import { checkImage } from './check-image';
import { ImageRefusal } from './image-refusal';

const EXTENSIONS: Record<ImageContentType, MediaExtension> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

function reencode(image: Sharp, contentType: ImageContentType): Sharp {
  if (contentType === 'image/png') return image.png({ compressionLevel: 6 });
  if (contentType === 'image/webp') return image.webp({ quality: 92 });
  return image.jpeg({ quality: 92 });
}

/*
 * Every pixel is decoded (any libvips warning fails it): a truncated file, or one that only
 * starts like an image, is refused here rather than stored. Decoding to memory first keeps a
 * bad image (422) apart from a disk error (507 when the disk is full).
 */
async function decodeAndReencode(bytes: Buffer, contentType: ImageContentType): Promise<Buffer> {
  try {
    // rotate() applies the EXIF orientation before the metadata that carried it is dropped.
    const image = sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'warning' }).rotate();
    return await reencode(image, contentType).toBuffer();
  } catch {
    throw new ImageRefusal(
      'upload_invalid',
      'That image is damaged or incomplete and could not be read. Export it again as a JPEG, PNG or WebP.',
    );
  }
}

/**
 * Stores the image and hands its record to `keep` (which stores the record): a file is on disk
 * only with its record, so when `keep` fails — a full or busy database — the file goes too.
 * On a full disk nothing is written (free-space.ts), or what was is removed, and the error,
 * ENOSPC, is answered 507 (app.ts).
 */
export async function storeUpload<T>(
  bytes: Buffer,
  media: MediaStorage,
  origin: string,
  keep: (stored: ImageUploadRecord) => Promise<T>,
): Promise<T> {
  const facts = await checkImage(bytes, 'upload_invalid');
  const now = Date.now();
  const id = newId('upl', now);
  const target = mediaFile('uploads', id, EXTENSIONS[facts.contentType]);
  const encoded = await decodeAndReencode(bytes, facts.contentType);
  await media.write(target, encoded);
  const stored: ImageUploadRecord = {
    id,
    fileName: `${id}.${target.extension}`,
    // The route that knows the person's file name sets it.
    originalName: null,
    url: `${origin}/media/${target.relativePath}`,
    width: facts.width,
    height: facts.height,
    contentType: facts.contentType,
    bytes: encoded.length,
    createdAt: now,
  };
  try {
    return await keep(stored);
  } catch (error) {
    await media.remove(target);
    throw error;
  }
}
