/**
 * The media contract (tests/support/media-contract.ts) on both storages: DATA_DIR/media and a
 * real S3-compatible bucket (s3rver on 127.0.0.1). Then what only a bucket can do: stop answering.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderMedia } from './folder-media';
import { mediaFile, MediaUnavailableError } from './media-storage';
import { S3Media } from './s3-media';
import { newId } from '@/server/store/new-id';
import { describeMediaContract } from '../../../tests/support/media-contract';
import { startTestS3, useS3KeyInThisProcess, type TestS3 } from '../../../tests/support/s3-server';
import { makeDataDir } from '../../../tests/support/test-server';

function s3Media(s3: TestS3, scratch: string): S3Media {
  useS3KeyInThisProcess(s3);
  return new S3Media({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true }, scratch);
}

describeMediaContract('folder (DATA_DIR/media)', async () => {
  const dataDir = makeDataDir();
  return { media: new FolderMedia(dataDir), close: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
});

describeMediaContract('S3-compatible bucket', async () => {
  const s3 = await startTestS3();
  const scratch = makeDataDir();
  const media = s3Media(s3, scratch);
  return {
    media,
    close: async () => {
      media.close();
      await s3.close();
      fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
});

describe('a bucket that stops answering', () => {
  let s3: TestS3;
  let media: S3Media;
  const scratch = makeDataDir();
  beforeAll(async () => {
    s3 = await startTestS3();
    media = s3Media(s3, scratch);
  });
  afterAll(async () => {
    media?.close();
    await s3?.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('is a fault, not a missing file: stat and writes throw MediaUnavailableError; health says unreachable', async () => {
    const file = mediaFile('videos', newId('tsk'), 'mp4');
    await media.write(file, Buffer.from('kept'));
    await s3.stop();
    await expect(media.stat(file)).rejects.toBeInstanceOf(MediaUnavailableError);
    await expect(media.write(file, Buffer.from('lost'))).rejects.toBeInstanceOf(MediaUnavailableError);
    // Health is asked of the bucket at most every few seconds: wait for a fresh answer.
    await new Promise((r) => setTimeout(r, 5200));
    expect(await media.health()).toEqual({ storage: 's3', bucket: s3.bucket, reachable: false });
    await s3.start();
    expect((await media.readAll(file))?.toString()).toBe('kept');
  });
});
