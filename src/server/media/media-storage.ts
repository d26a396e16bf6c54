/**
 * Where the server keeps what a person needs: uploads, videos and posters. One interface, two
 * places: a folder under DATA_DIR/media (folder-media.ts, the default) or an S3-compatible
 * bucket shared by every server (s3-media.ts, with S3_BUCKET). Names are ours (random or task
 * ids), so a request path is accepted only in that exact shape — nothing a client writes can
 * point outside these names.
 *
 * A file is written whole or not at all: big ones (a video) are first written to a local
 * staging file (`stagingPath`), probed there, then `place`d; small ones are `write`n from memory.
 */
import type { Readable } from 'node:stream';

export const MEDIA_KINDS = ['uploads', 'videos', 'posters'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const MEDIA_CONTENT_TYPES = {
  mp4: 'video/mp4',
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  /* Soundtracks of montages (issue 21). */
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
} as const;
export type MediaExtension = keyof typeof MEDIA_CONTENT_TYPES;

const FILE_NAME = /^([A-Za-z0-9_-]{1,100})\.(mp4|jpg|png|webp|mp3|m4a|wav)$/;

export interface MediaFile {
  kind: MediaKind;
  /** Without extension: a task id for videos and posters, an upload's file id for uploads. */
  stem: string;
  extension: MediaExtension;
  /** `videos/tsk_….mp4`: the name under the media folder, the key in the bucket, the URL under /media/. */
  relativePath: string;
}

/** What a stored file is, as the media route and the ZIP need it. */
export interface MediaObject {
  size: number;
  modifiedAt: Date;
  /** A strong validator, quoted: it changes whenever the bytes could have. */
  etag: string;
}

export interface StoredName {
  name: string;
  modifiedAt: number;
}

export interface MediaHealth {
  storage: 'folder' | 's3';
  /** The bucket's name (S3 only). */
  bucket?: string;
  reachable: boolean;
}

export interface MediaStorage {
  readonly storage: 'folder' | 's3';
  /** The local folder staging files are written in: free-space checks look at its disk. */
  readonly stagingDir: string;
  /** A local path to write `target` to before it is placed; a crash never leaves it under target's name. */
  stagingPath(target: MediaFile): string;
  /** Moves a complete staged file into storage as `target`; the staged file is gone afterwards. */
  place(target: MediaFile, stagedPath: string): Promise<void>;
  /** Stores `bytes` as `target`, whole or not at all. */
  write(target: MediaFile, bytes: Buffer): Promise<void>;
  /** The file's size, time and ETag, or null when there is no such file. */
  stat(target: MediaFile): Promise<MediaObject | null>;
  /** The bytes `start..end` (inclusive; the whole file without a range). Throws MediaMissingError when absent. */
  read(target: MediaFile, range?: { start: number; end: number }): Promise<Readable>;
  /** The whole file in memory (small files: images), or null when absent. */
  readAll(target: MediaFile): Promise<Buffer | null>;
  remove(target: MediaFile): Promise<void>;
  /** Up to `limit` names of one kind, in name order (upload names sort oldest first). */
  list(kind: MediaKind, limit: number): Promise<StoredName[]>;
  /** Removes half-written files a killed process left behind; how many. */
  sweepPartials(): Promise<number>;
  /** Whether the storage answers (the bucket, for /api/health). */
  health(): Promise<MediaHealth>;
  /** Lets go of connections (the bucket's); nothing to do for a folder. */
  close(): void;
}

export class MediaMissingError extends Error {
  constructor(relativePath: string) {
    super(`No media file ${relativePath}`);
    this.name = 'MediaMissingError';
  }
}

/** The storage (the bucket) did not answer, or answered with a fault: a 503 to the client, retried later by the tracker. */
export class MediaUnavailableError extends Error {
  readonly retryAfterS = 5;

  constructor(cause: unknown) {
    super('The media storage did not answer.', { cause });
    this.name = 'MediaUnavailableError';
  }
}

export function mediaFile(kind: MediaKind, stem: string, extension: MediaExtension): MediaFile {
  return { kind, stem, extension, relativePath: `${kind}/${stem}.${extension}` };
}

/** `uploads/x.jpg` → the file, or null for anything that is not exactly one of our names. */
export function parseMediaPath(relativePath: string): MediaFile | null {
  const [kind, name, ...rest] = relativePath.split('/');
  if (rest.length || !name || !(MEDIA_KINDS as readonly string[]).includes(kind ?? '')) return null;
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  return mediaFile(kind as MediaKind, match[1]!, match[2] as MediaExtension);
}

/** The URL path under which a media file is served. */
export function mediaUrlPath(relativePath: string): string {
  return `/media/${relativePath}`;
}
