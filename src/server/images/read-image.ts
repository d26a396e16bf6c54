/**
 * Gets the bytes of an image a task or a check refers to. Our own uploads are read from storage
 * (no network call, and they work when this server is not reachable from itself); any other
 * link is fetched with safeFetch's limits on address, size, time and redirects.
 */
import fs from 'node:fs/promises';
import { IMAGE_LIMITS } from '../../shared/limits';
import type { MediaStorage } from '../media/media-storage';
import { safeFetch, UnsafeUrlError } from '../net/safe-fetch';
import type { UploadRecord, UploadsStore } from '../store/uploads-store';
import { ImageRefusal } from './image-refusal';

export interface ImageSources {
  uploads: UploadsStore;
  media: MediaStorage;
  /** Which resolved addresses may be fetched; defaults to public ones only. */
  isAllowedAddress?: (address: string) => boolean;
  fetchTimeoutMs?: number;
}

const UPLOAD_PATH = /^\/media\/uploads\/([A-Za-z0-9_-]{1,100}\.(?:jpg|png|webp))$/;

/** The upload an URL points to, when it is one of ours. */
export async function ownUpload(url: string, uploads: UploadsStore): Promise<UploadRecord | null> {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = UPLOAD_PATH.exec(pathname);
  return match ? uploads.getByFileName(match[1]!) : null;
}

/** True when the URL has the shape of one of our upload links (whether or not the file exists). */
export function looksLikeOwnUpload(url: string): boolean {
  try {
    return UPLOAD_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

export async function readImage(
  url: string,
  sources: ImageSources,
): Promise<{ bytes: Buffer; upload: UploadRecord | null }> {
  const upload = await ownUpload(url, sources.uploads);
  if (upload) {
    const bytes = await fs.readFile(sources.media.absolute(`uploads/${upload.fileName}`));
    return { bytes, upload };
  }
  return { bytes: await fetchImage(url, sources), upload: null };
}

async function fetchImage(url: string, sources: ImageSources): Promise<Buffer> {
  try {
    const response = await safeFetch(url, {
      maxBytes: IMAGE_LIMITS.maxBytes,
      timeoutMs: sources.fetchTimeoutMs ?? 15_000,
      isAllowed: sources.isAllowedAddress,
      headers: { Accept: 'image/jpeg, image/png, image/webp' },
    });
    if (response.status < 200 || response.status >= 300) {
      throw new ImageRefusal('image_unreachable', `The image link answered HTTP ${response.status}, not an image.`);
    }
    return response.body;
  } catch (error) {
    if (error instanceof ImageRefusal) throw error;
    if (error instanceof UnsafeUrlError) {
      const code = error.reason === 'too_large' ? 'image_invalid' : 'image_unreachable';
      throw new ImageRefusal(code, error.message);
    }
    throw new ImageRefusal('image_unreachable', 'The image link could not be fetched.');
  }
}
