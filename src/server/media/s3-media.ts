/**
 * Media in an S3-compatible bucket (AWS S3, MinIO, R2, Ceph…), shared by every server: the key
 * is the file's relative path (`videos/tsk_….mp4`). Large files are staged in this process's
 * scratch folder (probed and postered there by ffmpeg) and sent with @aws-sdk/lib-storage's
 * Upload, multipart above PART_BYTES; an object appears only when its upload completes, so no
 * reader ever sees half a video. Credentials come from the AWS SDK's standard chain.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { randomBytes } from 'node:crypto';
import {
  MEDIA_CONTENT_TYPES,
  MediaMissingError,
  MediaUnavailableError,
  parseMediaPath,
  type MediaFile,
  type MediaHealth,
  type MediaKind,
  type MediaObject,
  type MediaStorage,
  type StoredName,
} from './media-storage';

export interface S3Settings {
  bucket: string;
  /** Another service's address (MinIO, R2…); AWS's own for the region when null. */
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
}

/* Multipart above this; 8 MiB parts keep a 512 MB video well under S3's 10,000 parts. */
const PART_BYTES = 8 * 1024 * 1024;
const HEALTH_TIMEOUT_MS = 2000;
/* /api/health may be asked every few seconds by every balancer: the bucket is asked at most this often. */
const HEALTH_CACHE_MS = 5000;

export class S3Media implements MediaStorage {
  readonly storage = 's3' as const;
  readonly stagingDir: string;
  private readonly client: S3Client;
  private lastHealth: { at: number; health: Promise<MediaHealth> } | null = null;

  constructor(
    private readonly settings: S3Settings,
    /** This process's scratch folder: staged files never outlive the process (scratch-dir.ts). */
    scratchDir: string,
  ) {
    this.stagingDir = path.join(scratchDir, 'media');
    fs.mkdirSync(this.stagingDir, { recursive: true });
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint ?? undefined,
      forcePathStyle: settings.forcePathStyle,
      // Checksums only where S3 demands them: the SDK's default CRC32 trailers on streamed
      // uploads (aws-chunked) are not understood by every S3-compatible server.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 5000, requestTimeout: 60_000 },
    });
  }

  stagingPath(target: MediaFile): string {
    return path.join(
      this.stagingDir,
      `${target.kind}-${target.stem}.${target.extension}.part-${randomBytes(6).toString('hex')}`,
    );
  }

  async place(target: MediaFile, stagedPath: string): Promise<void> {
    try {
      const upload = new Upload({
        client: this.client,
        params: { ...this.object(target), Body: fs.createReadStream(stagedPath), ContentType: contentType(target) },
        partSize: PART_BYTES,
        queueSize: 2,
      });
      await this.call(() => upload.done());
    } finally {
      await fs.promises.rm(stagedPath, { force: true });
    }
  }

  async write(target: MediaFile, bytes: Buffer): Promise<void> {
    const put = new PutObjectCommand({ ...this.object(target), Body: bytes, ContentType: contentType(target) });
    await this.call(() => this.client.send(put));
  }

  async stat(target: MediaFile): Promise<MediaObject | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand(this.object(target)));
      return {
        size: head.ContentLength ?? 0,
        modifiedAt: head.LastModified ?? new Date(0),
        etag: head.ETag ?? `"${(head.ContentLength ?? 0).toString(16)}"`,
      };
    } catch (error) {
      if (isMissing(error)) return null;
      throw new MediaUnavailableError(error);
    }
  }

  async read(target: MediaFile, range?: { start: number; end: number }): Promise<Readable> {
    const Range = range ? `bytes=${range.start}-${range.end}` : undefined;
    try {
      const { Body } = await this.client.send(new GetObjectCommand({ ...this.object(target), Range }));
      // In Node the SDK's body is the response stream itself: read as it arrives, never buffered whole.
      return Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new MediaMissingError(target.relativePath);
      throw new MediaUnavailableError(error);
    }
  }

  async readAll(target: MediaFile): Promise<Buffer | null> {
    try {
      const { Body } = await this.client.send(new GetObjectCommand(this.object(target)));
      return Body ? Buffer.from(await Body.transformToByteArray()) : Buffer.alloc(0);
    } catch (error) {
      if (isMissing(error)) return null;
      throw new MediaUnavailableError(error);
    }
  }

  async remove(target: MediaFile): Promise<void> {
    await this.call(() => this.client.send(new DeleteObjectCommand(this.object(target))));
  }

  async list(kind: MediaKind, limit: number): Promise<StoredName[]> {
    const listed: StoredName[] = [];
    let token: string | undefined;
    do {
      const page = await this.call(() =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.settings.bucket,
            Prefix: `${kind}/`,
            // Pages of S3's default 1,000, trimmed here: some S3-compatible servers fail a smaller MaxKeys.
            ContinuationToken: token,
          }),
        ),
      );
      for (const item of page.Contents ?? []) {
        if (!item.Key || !parseMediaPath(item.Key)) continue;
        listed.push({ name: item.Key.slice(kind.length + 1), modifiedAt: item.LastModified?.getTime() ?? 0 });
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && listed.length < limit);
    // S3 lists keys in byte order, as a sorted folder would be.
    return listed.slice(0, limit);
  }

  /*
   * Nothing half-written is ever visible in the bucket, and staging files live in this process's
   * scratch folder, which is swept at start. Parts of a multipart upload cut by a SIGKILL are
   * for the bucket's lifecycle rule (AbortIncompleteMultipartUpload, docs/configuration.md).
   */
  async sweepPartials(): Promise<number> {
    return 0;
  }

  health(): Promise<MediaHealth> {
    const now = Date.now();
    if (this.lastHealth && now - this.lastHealth.at < HEALTH_CACHE_MS) return this.lastHealth.health;
    const health = this.client
      .send(new HeadBucketCommand({ Bucket: this.settings.bucket }), {
        abortSignal: AbortSignal.timeout(HEALTH_TIMEOUT_MS),
      })
      .then(
        () => true,
        () => false,
      )
      .then((reachable): MediaHealth => ({ storage: 's3', bucket: this.settings.bucket, reachable }));
    this.lastHealth = { at: now, health };
    return health;
  }

  close(): void {
    this.client.destroy();
  }

  private object(target: MediaFile) {
    return { Bucket: this.settings.bucket, Key: target.relativePath };
  }

  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new MediaUnavailableError(error);
    }
  }
}

function contentType(file: MediaFile): string {
  return MEDIA_CONTENT_TYPES[file.extension];
}

function isMissing(error: unknown): boolean {
  if (!(error instanceof S3ServiceException) || error.name === 'NoSuchBucket') return false;
  return error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404;
}
