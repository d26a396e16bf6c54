/**
 * The reference image as API in One will fetch it: always a JPEG of at most 10 MB on our own
 * storage, so a WebP, a 15 MB PNG or a link that later changes or disappears never meets a
 * refusal upstream. Our own JPEG uploads that fit go as they are; anything else is read once
 * (a link through safeFetch's guard: public addresses, size and time limits), checked against
 * Hailuo's limits, re-encoded and stored as an upload of ours. The task keeps the link the
 * person gave; the timeline records what was sent.
 */
import { formatBytes } from '@/lib/format-bytes';
import { IMAGE_LIMITS } from '@/shared/limits';
import { mediaFile } from '@/server/media/media-storage';
import { newId } from '@/server/store/new-id';
import type { UploadRecord } from '@/server/store/uploads-store';
import { checkImage } from './check-image';
import { readImage, type ImageSources } from './read-image';
import { toUpstreamJpeg } from './upstream-jpeg';

export interface HandoffSources extends ImageSources {
  /** The public link of a stored file, as a fetcher without our credentials can open it. */
  publicUrlOf(relativePath: string): string;
}

export interface HandedImage {
  url: string;
  description: string;
}

/* A batch makes each image in up to four variants within seconds: they share one fetch and one stored copy. */
const REUSE_MS = 10 * 60_000;
const MAX_REMEMBERED = 500;

export class ImageHandoff {
  private readonly recent = new Map<string, { at: number; handed: Promise<HandedImage> }>();

  constructor(
    private readonly sources: HandoffSources,
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws an ImageRefusal (`image_unreachable`, `image_invalid`) for an image that cannot be used. */
  prepare(url: string): Promise<HandedImage> {
    const at = this.now();
    const kept = this.recent.get(url);
    if (kept && at - kept.at < REUSE_MS) return kept.handed;
    const handed = this.handOff(url);
    this.remember(url, at, handed);
    return handed;
  }

  private remember(url: string, at: number, handed: Promise<HandedImage>): void {
    // A refusal is not kept: the person may fix the link and run the task again.
    handed.catch(() => this.recent.delete(url));
    this.recent.set(url, { at, handed });
    for (const [key, entry] of this.recent) {
      if (this.recent.size <= MAX_REMEMBERED && at - entry.at < REUSE_MS) break;
      this.recent.delete(key);
    }
  }

  private async handOff(url: string): Promise<HandedImage> {
    const { bytes, upload } = await readImage(url, this.sources);
    // Checked again even for our uploads: one made under older, looser limits must not reach the model.
    const facts = await checkImage(bytes, 'image_invalid');
    const format = facts.contentType.slice('image/'.length).toUpperCase();
    if (upload && facts.contentType === 'image/jpeg' && bytes.length <= IMAGE_LIMITS.upstreamMaxBytes) {
      const sent = this.sources.publicUrlOf(`uploads/${upload.fileName}`);
      return {
        url: sent,
        description: `as uploaded (JPEG ${facts.width}×${facts.height}, ${formatBytes(bytes.length)}): ${sent}`,
      };
    }
    const { jpeg, width, height, scale } = await toUpstreamJpeg(bytes, facts);
    const stored = await this.store(jpeg, width, height);
    const from = upload ? `the uploaded ${format}` : `the ${format} at the link given`;
    const resized = scale < 1 ? `, scaled from ${facts.width}×${facts.height} to fit 10 MB` : '';
    return {
      url: stored.url,
      description: `as a JPEG on this server (${width}×${height}, ${formatBytes(jpeg.length)}), made from ${from}${resized}: ${stored.url}`,
    };
  }

  private async store(jpeg: Buffer, width: number, height: number): Promise<UploadRecord> {
    const { media, uploads } = this.sources;
    const createdAt = this.now();
    const id = newId('upl', createdAt);
    const target = mediaFile('uploads', id, 'jpg');
    await media.write(target, jpeg);
    const record: UploadRecord = {
      id,
      fileName: `${id}.jpg`,
      originalName: null,
      url: this.sources.publicUrlOf(target.relativePath),
      width,
      height,
      contentType: 'image/jpeg',
      bytes: jpeg.length,
      createdAt,
    };
    await uploads.insert(record);
    return record;
  }
}
