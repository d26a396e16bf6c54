/**
 * Files the server keeps under DATA_DIR/media: uploads, videos and posters. Names are ours
 * (random or task ids), so a request path is accepted only in that exact shape — nothing a
 * client writes can point outside these folders.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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
  relativePath: string;
  absolutePath: string;
}

export class MediaStorage {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'media');
    for (const kind of MEDIA_KINDS) fs.mkdirSync(path.join(this.root, kind), { recursive: true });
  }

  file(kind: MediaKind, stem: string, extension: MediaExtension): MediaFile {
    const relativePath = `${kind}/${stem}.${extension}`;
    return { kind, stem, extension, relativePath, absolutePath: path.join(this.root, kind, `${stem}.${extension}`) };
  }

  absolute(relativePath: string): string {
    const parsed = this.parse(relativePath);
    if (!parsed) throw new Error(`Not a media path: ${relativePath}`);
    return parsed.absolutePath;
  }

  /** `uploads/x.jpg` → the file, or null for anything that is not exactly one of our names. */
  parse(relativePath: string): MediaFile | null {
    const [kind, name, ...rest] = relativePath.split('/');
    if (rest.length || !name || !(MEDIA_KINDS as readonly string[]).includes(kind ?? '')) return null;
    const match = FILE_NAME.exec(name);
    if (!match) return null;
    return this.file(kind as MediaKind, match[1]!, match[2] as MediaExtension);
  }

  /** Removes half-written files a killed process left behind (their tasks are re-done on restart). */
  sweepPartials(): number {
    let removed = 0;
    for (const kind of MEDIA_KINDS) {
      const dir = path.join(this.root, kind);
      for (const name of fs.readdirSync(dir)) {
        if (!name.includes('.part')) continue;
        fs.rmSync(path.join(dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** A temporary name beside `target`, renamed into place when complete, so a crash never leaves half a file. */
  partPath(target: MediaFile): string {
    return `${target.absolutePath}.part-${randomBytes(6).toString('hex')}`;
  }
}

/** The URL path under which a media file is served. */
export function mediaUrlPath(relativePath: string): string {
  return `/media/${relativePath}`;
}
