/**
 * The whole path with media in an S3-compatible bucket (s3rver on 127.0.0.1, tests/support/s3-server.ts):
 * uploads, a batch rendered by the local engine, its videos and posters archived to the bucket,
 * then served through the real routes — Range (206/416), ETag and 304, HEAD, ?download=1 — and
 * zipped from the bucket. Nothing of it lands in DATA_DIR. A bucket that stops answering is a
 * 503 with Retry-After, and /api/health says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema, type Task } from '@/shared/contract';
import { downloadFileName } from '@/shared/download-name';
import { probeVideo } from '@/server/media/probe-video';
import { expectError, getJson, upload } from '../support/api-calls';
import { createBatch, fetchZip, waitForBatch } from '../support/batch-calls';
import { mediaFilesOnDisk, startTestS3, useS3KeyInThisProcess, type TestS3 } from '../support/s3-server';
import { makeTestImage } from '../support/test-image';
import { startTestApp, type TestServer } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

let s3: TestS3;
let server: TestServer;
let tasks: Task[];
let uploadUrls: string[];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bucket-journey-'));

const keyOf = (url: string) => new URL(url, 'http://x').pathname.replace(/^\/media\//, '');

beforeAll(async () => {
  s3 = await startTestS3();
  useS3KeyInThisProcess(s3);
  server = await startTestApp(s3.env);
  uploadUrls = [];
  for (const [w, h] of [
    [640, 400],
    [400, 640],
  ] as const)
    uploadUrls.push((await upload(server, await makeTestImage(w, h))).url);
  const created = await createBatch(server, { prompt: 'Slow orbit around the lamp', images: uploadUrls });
  tasks = (await waitForBatch(server, created.batch_id, 90_000)).tasks;
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await s3?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe('media in a bucket', () => {
  it('keeps uploads, videos and posters in the bucket and none on the server’s disk', async () => {
    expect(tasks.map((t) => t.status)).toEqual(['succeeded', 'succeeded']);
    const expected = [
      ...uploadUrls.map(keyOf),
      ...tasks.flatMap((t) => [keyOf(t.result!.video_url), keyOf(t.result!.poster_url!)]),
    ].sort();
    expect(await s3.keys()).toEqual(expected);
    expect(mediaFilesOnDisk(server.dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(server.dataDir, 'media'))).toBe(false);
  });

  it('serves an upload link from the bucket, as the upstream fetches it', async () => {
    const response = await server.fetch(uploadUrls[0]!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await response.arrayBuffer()).equals(await s3.object(keyOf(uploadUrls[0]!)))).toBe(true);
  });

  it('serves the whole video, a playable MP4 with the bucket’s bytes, and HEAD without a body', async () => {
    const url = tasks[0]!.result!.video_url;
    const stored = await s3.object(keyOf(url));
    const response = await server.fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe(String(stored.length));
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(stored)).toBe(true);
    const file = path.join(scratch, 'whole.mp4');
    fs.writeFileSync(file, body);
    expect(await probeVideo(file)).toMatchObject({ codec: 'h264', durationS: expect.closeTo(6, 0) });
    const head = await server.fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(stored.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers Range with 206 and exactly those bytes, and 416 outside the file', async () => {
    const url = tasks[1]!.result!.video_url;
    const stored = await s3.object(keyOf(url));
    const first = await server.fetch(url, { headers: { Range: 'bytes=0-1023' } });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-1023/${stored.length}`);
    const head = new Uint8Array(await first.arrayBuffer());
    expect(Buffer.from(head).equals(stored.subarray(0, 1024))).toBe(true);
    expect(strFromU8(head.subarray(4, 8))).toBe('ftyp');

    const tail = await server.fetch(url, { headers: { Range: 'bytes=-100' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(stored.subarray(stored.length - 100))).toBe(true);

    const beyond = await server.fetch(url, { headers: { Range: `bytes=${stored.length}-` } });
    expect(beyond.headers.get('content-range')).toBe(`bytes */${stored.length}`);
    await expectError(beyond, 416, 'validation_failed');
  });

  it('gives the bucket’s ETag: 304 when the client has it, the whole file when If-Range names another', async () => {
    const url = tasks[0]!.result!.video_url;
    const etag = (await server.fetch(url, { method: 'HEAD' })).headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(etag).not.toBe((await server.fetch(tasks[1]!.result!.video_url, { method: 'HEAD' })).headers.get('etag'));
    expect((await server.fetch(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const stale = await server.fetch(url, { headers: { Range: 'bytes=0-9', 'If-Range': '"an-older-copy"' } });
    expect(stale.status).toBe(200);
    const kept = await server.fetch(url, { headers: { Range: 'bytes=0-9', 'If-Range': etag } });
    expect(kept.status).toBe(206);
  });

  it('downloads with ?download=1 under the readable name, and serves the poster', async () => {
    const task = tasks[0]!;
    const response = await server.fetch(`${task.result!.video_url}?download=1`);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${downloadFileName(task)}"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(await s3.object(keyOf(task.result!.video_url)))).toBe(true);
    const poster = await server.fetch(task.result!.poster_url!);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await poster.arrayBuffer()).equals(await s3.object(keyOf(task.result!.poster_url!)))).toBe(true);
  });

  it('zips the videos from the bucket, byte for byte', async () => {
    const { response, files } = await fetchZip(server, `ids=${tasks.map((t) => t.task_id).join(',')}`);
    expect(response.status).toBe(200);
    const videos = Object.entries(files!).filter(([name]) => name.endsWith('.mp4'));
    const zipped = videos.map(([, bytes]) => Buffer.from(bytes).toString('base64')).sort();
    const stored = await Promise.all(tasks.map((t) => s3.object(keyOf(t.result!.video_url))));
    expect(zipped).toEqual(stored.map((b) => b.toString('base64')).sort());
  });

  it('reports the bucket in /api/health', async () => {
    const health = await getJson(server, '/api/health', healthSchema);
    expect(health).toMatchObject({ ok: true, checks: { media: { ok: true, storage: 's3', bucket: s3.bucket } } });
  });

  it('answers 503 with Retry-After while the bucket is down, and health says so', async () => {
    await s3.stop();
    try {
      const video = await server.fetch(tasks[0]!.result!.video_url);
      expect(video.headers.get('retry-after')).toBe('5');
      const message = await expectError(video, 503, 'service_unavailable');
      expect(message).not.toMatch(/127\.0\.0\.1|s3rver|hailuo-test/i);
      await waitUntil('health to see the bucket down', async () => {
        const health = await server.fetch('/api/health');
        return health.status === 503 && healthSchema.parse(await health.json()).checks.media?.ok === false;
      });
    } finally {
      await s3.start();
    }
    expect((await server.fetch(tasks[0]!.result!.video_url, { method: 'HEAD' })).status).toBe(200);
  });
});
