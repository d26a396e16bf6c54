/**
 * Gets the bytes of an image a task or a check refers to. Our own uploads are read from storage
 * (no network call, and they work when this server is not reachable from itself); any other
 * link is fetched with safeFetch's limits on address, size, time and redirects. A link is ours
 * only when both its origin is one we answer on and its path is an upload name we issued — a
 * foreign host serving the same path is fetched like any other link.
 */
import { IMAGE_CONTENT_TYPES, IMAGE_LIMITS } from '@/shared/limits';
import { parseMediaPath, type MediaStorage } from '@/server/media/media-storage';
import { safeFetch, UnsafeUrlError } from '@/server/net/safe-fetch';
import type { ImageUploadRecord, UploadRecord, UploadsStore } from '@/server/store/uploads-store';
import { ImageRefusal } from './image-refusal';

export interface ImageSources {
  uploads: UploadsStore;
  media: MediaStorage;
  /** Which resolved addresses may be fetched; defaults to public ones only. */
  isAllowedAddress?: (address: string) => boolean;
  fetchTimeoutMs?: number;
  /** Origins this server answers on (PUBLIC_BASE_URL, else where it listens). */
  ownOrigins?: () => readonly string[];
}

/* `upl_` + newId's 26 characters (time, then 80 random bits) + the stored format's extension. */
const UPLOAD_FILE_NAME = 'upl_[0-9a-hjkmnp-tv-z]{26}\\.(?:jpg|png|webp)';
const UPLOAD_PATH = new RegExp(`^/media/uploads/(${UPLOAD_FILE_NAME})$`);
const UPLOAD_FILE = new RegExp(`^${UPLOAD_FILE_NAME}$`);

/** A name in the shape of the upload files we write (not a part file, not anything else). */
export function isUploadFileName(name: string): boolean {
  return UPLOAD_FILE.test(name);
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The stored file name an upload link of ours names, whatever its host. */
export function uploadFileNameOf(url: string): string | null {
  const parsed = parseUrl(url);
  return parsed ? (UPLOAD_PATH.exec(parsed.pathname)?.[1] ?? null) : null;
}

/**
 * The upload a URL points to, when it is one of ours: an upload name we issued, at PUBLIC_BASE_URL,
 * where we listen, the origin of the request being answered, or the origin the upload was issued
 * under (a name this server was reached by, such as `localhost` beside `127.0.0.1`).
 */
export async function ownUpload(
  url: string,
  sources: Pick<ImageSources, 'uploads' | 'ownOrigins'>,
  requestOrigin?: string,
): Promise<ImageUploadRecord | null> {
  const fileName = uploadFileNameOf(url);
  const record = fileName ? await sources.uploads.getByFileName(fileName) : null;
  // Upload names of images end in an image extension, so a soundtrack's record is never one (the check says so to the types).
  if (!record || !isImageUpload(record)) return null;
  const origins = new Set(sources.ownOrigins?.() ?? []);
  if (requestOrigin) origins.add(requestOrigin);
  const issuedAt = parseUrl(record.url);
  if (issuedAt) origins.add(issuedAt.origin);
  return origins.has(new URL(url).origin) ? record : null;
}

function isImageUpload(record: UploadRecord): record is ImageUploadRecord {
  return (IMAGE_CONTENT_TYPES as readonly string[]).includes(record.contentType);
}

/** True when the URL has the shape of one of our upload links (whether or not the file exists). */
export function looksLikeOwnUpload(url: string): boolean {
  return uploadFileNameOf(url) !== null;
}

export async function readImage(
  url: string,
  sources: ImageSources,
  requestOrigin?: string,
): Promise<{ bytes: Buffer; upload: ImageUploadRecord | null }> {
  const upload = await ownUpload(url, sources, requestOrigin);
  if (upload) return { bytes: await readUploadFile(upload, sources.media), upload };
  return { bytes: await fetchImage(url, sources), upload: null };
}

/* The record outlived its file (removed by hand, a restored backup): a reason a person can act on, not ENOENT. */
async function readUploadFile(upload: ImageUploadRecord, media: MediaStorage): Promise<Buffer> {
  const file = parseMediaPath(`uploads/${upload.fileName}`);
  const bytes = file ? await media.readAll(file) : null;
  if (bytes) return bytes;
  throw new ImageRefusal('image_unreachable', 'That uploaded image is no longer on this server. Upload it again.');
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
