/**
 * A real S3-compatible server for tests: s3rver (npm), in this process, on 127.0.0.1 and a port
 * of its own, its objects in a temporary folder, one bucket made at start. Chosen over the
 * alternatives because it runs from the npm registry alone (MinIO, LocalStack, S3Mock are
 * binaries or containers that cannot be fetched here), speaks the real wire protocol the AWS SDK
 * sends (SigV4, Range GETs, multipart uploads, HeadBucket, ListObjectsV2), and is the most used
 * of its kind. The servers under test reach it through the SDK's standard credential chain
 * (s3rver's fixed key, in the environment), as production reaches a bucket.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/* s3rver checks signatures against this one key pair. */
const KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The settings that put a server's media in this bucket (S3_* and AWS_* credentials). */
  env: Record<string, string>;
  /** Every key in the bucket, sorted. */
  keys(prefix?: string): Promise<string[]>;
  /** An object's bytes, read straight from the bucket. */
  object(key: string): Promise<Buffer>;
  /** Stops answering (connections refused); `start()` again on the same port and objects. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its objects. */
  close(): Promise<void>;
}

export async function startTestS3(bucket = 'hailuo-test'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-s3-'));
  let port = 0;
  let server: S3rver | null = null;
  const start = async () => {
    server = new S3rver({
      address: '127.0.0.1',
      port,
      silent: true,
      directory,
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    port = (await server.run()).port;
  };
  const stop = async () => {
    await server?.close();
    server = null;
  };
  await start();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: KEY,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_FORCE_PATH_STYLE: 'true',
      AWS_ACCESS_KEY_ID: KEY.accessKeyId,
      AWS_SECRET_ACCESS_KEY: KEY.secretAccessKey,
      // The SDK's notice that its 2027 releases want Node 22: noise in every test's output.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    async keys(prefix = '') {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        keys.push(...(page.Contents ?? []).map((item) => item.Key!));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },
    async object(key) {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await Body!.transformToByteArray());
    },
    stop,
    start,
    async close() {
      client.destroy();
      await stop();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A server built in this process (startTestApp) finds its bucket key where the SDK's standard
 * chain looks, the environment: put there for this test file's process alone.
 */
export function useS3KeyInThisProcess(s3: TestS3): void {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'])
    process.env[name] = s3.env[name];
}

/** Files under `dataDir` that are media (videos, images), wherever they are: none, with media in a bucket. */
export function mediaFilesOnDisk(dataDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(mp4|jpg|png|webp)(\.part-[0-9a-f]+)?$/.test(entry.name)) found.push(path.relative(dataDir, full));
    }
  };
  walk(dataDir);
  return found.sort();
}
