/**
 * The seed's curl against our server, end to end: upload a real image, submit the seed's body
 * with its URL, follow the task, and ffprobe the MP4 a client downloads. Then the media route
 * that serves it: Range, download name, caching, and paths that must not escape.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditsSchema, taskListSchema, type Task } from '@/shared/contract';
import { downloadFileName } from '@/shared/download-name';
import { probeVideo } from '@/server/media/probe-video';
import { getJson, SEED_PROMPT, submit, upload, waitForTask } from '../support/api-calls';
import { downloadTo } from '../support/download';
import { makeTestImage } from '../support/test-image';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let seedTask: Task;

beforeAll(async () => {
  server = await startTestServer({ LOCAL_ENGINE_DELAY_MS: '300' });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('the seed’s curl with an uploaded image', () => {
  it('creates a task that succeeds with a playable H.264 MP4 of 6 s at 768P, charged once', async () => {
    const image = await upload(server, await makeTestImage(640, 400));
    expect(image.url).toBe(`${server.url}/media/uploads/${image.id}.jpg`);

    const created = await submit(server, {
      model: 'hailuo-2-3',
      prompt: SEED_PROMPT,
      image: image.url,
      duration: '6',
      resolution: '768P',
    });
    expect(created).toMatchObject({ status: 'queued', model: 'hailuo-2-3', price_credits: 30 });
    expect(created.task_id).toMatch(/^tsk_[0-9a-z]{26}$/);

    seedTask = await waitForTask(server, created.task_id);
    expect(seedTask).toMatchObject({
      status: 'succeeded',
      mode: 'standard',
      price_credits: 30,
      charged_credits: 30,
      progress: 100,
      eta_s: null,
      error: null,
      engine: 'local',
    });
    const result = seedTask.result!;
    expect(result).toMatchObject({ width: 1228, height: 768 });
    expect(result.duration_s).toBeCloseTo(6, 1);

    const { file, response } = await downloadTo(server, result.video_url, server.dataDir, 'seed.mp4');
    expect(response.headers.get('content-type')).toBe('video/mp4');
    const facts = await probeVideo(file);
    expect(facts).toMatchObject({ codec: 'h264', width: 1228, height: 768, pixelFormat: 'yuv420p' });
    expect(Math.abs(facts.durationS - 6)).toBeLessThanOrEqual(0.1);

    const poster = await server.fetch(result.poster_url);
    expect(poster.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await poster.arrayBuffer()).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('makes 10 s at 768P and 6 s at 1080P with the right short side and the image’s aspect', async () => {
    const tall = await upload(server, await makeTestImage(400, 640, 'png'), 'tall.png', 'image/png');
    const wide = await upload(server, await makeTestImage(1000, 500, 'webp'), 'wide.webp', 'image/webp');
    const [ten, fullHd] = await Promise.all([
      submit(server, { prompt: 'Slow tilt up', image: tall.url, duration: '10', resolution: '768P' }),
      submit(server, {
        model: 'hailuo/2-3-image-to-video-pro',
        prompt: 'Pan across',
        image: wide.url,
        resolution: '1080P',
      }),
    ]);
    expect([ten.price_credits, fullHd.price_credits]).toEqual([45, 75]);

    const cases = [
      { id: ten.task_id, width: 768, height: 1228, duration: 10 },
      { id: fullHd.task_id, width: 2160, height: 1080, duration: 6 },
    ];
    for (const expected of cases) {
      const task = await waitForTask(server, expected.id);
      expect(task.status).toBe('succeeded');
      const { file } = await downloadTo(server, task.result!.video_url, server.dataDir, `${expected.id}.mp4`);
      const facts = await probeVideo(file);
      expect(facts).toMatchObject({ codec: 'h264', width: expected.width, height: expected.height });
      expect(Math.abs(facts.durationS - expected.duration)).toBeLessThanOrEqual(0.1);
    }
  });

  it('keeps a ledger that adds up: balance = 1000 − every succeeded task’s price', async () => {
    const list = await getJson(server, '/api/v1/tasks?limit=100', taskListSchema);
    const charged = list.items.reduce((sum, task) => sum + task.charged_credits, 0);
    expect(charged).toBe(30 + 45 + 75);
    const credits = await getJson(server, '/api/v1/billing/credits', creditsSchema);
    expect(credits).toEqual({
      balance: 1000 - charged,
      spent: charged,
      refunded: 0,
      simulated: true,
      usd_per_credit: 0.01,
    });
  });
});

/** A raw GET with the path sent exactly as written (fetch would normalise `..`). */
function rawGet(path: string, headers: Record<string, string> = {}) {
  const { port } = new URL(server.url);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

describe('media', () => {
  const videoPath = () => new URL(seedTask.result!.video_url).pathname;
  const videoBytes = () => fs.readFileSync(path.join(server.dataDir, 'media', 'videos', `${seedTask.task_id}.mp4`));

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const bytes = videoBytes();
    const size = bytes.length;
    const cases = [
      { range: 'bytes=0-99', start: 0, end: 99 },
      { range: 'bytes=1000-', start: 1000, end: size - 1 },
      { range: 'bytes=-50', start: size - 50, end: size - 1 },
      { range: `bytes=10-${size + 500}`, start: 10, end: size - 1 },
    ];
    for (const { range, start, end } of cases) {
      const response = await rawGet(videoPath(), { Range: range });
      expect(response.status, range).toBe(206);
      expect(response.headers['content-range']).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers['content-length']).toBe(String(end - start + 1));
      expect(response.body.equals(bytes.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('answers 416 to a range outside the file, and the whole file to several ranges', async () => {
    const size = videoBytes().length;
    const outside = await rawGet(videoPath(), { Range: `bytes=${size}-` });
    expect(outside.status).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${size}`);
    expect(JSON.parse(outside.body.toString())).toMatchObject({ error: { code: 'validation_failed' } });
    const several = await rawGet(videoPath(), { Range: 'bytes=0-1,5-9' });
    expect(several.status).toBe(200);
    expect(several.body.length).toBe(size);
  });

  it('serves immutable files with an ETag, and 304 when the client has them', async () => {
    const first = await rawGet(videoPath());
    expect(first.headers).toMatchObject({
      'content-type': 'video/mp4',
      'accept-ranges': 'bytes',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    const again = await rawGet(videoPath(), { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('downloads with ?download=1 under a readable name the browser can build too', async () => {
    const response = await rawGet(`${videoPath()}?download=1`);
    const name = downloadFileName(seedTask);
    // Named after the uploaded photo ("photo.jpg"), no longer after the prompt (issue 19).
    expect(name).toBe(`photo-standard-6s-768p-${seedTask.task_id}.mp4`);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${name}"`);
    const plain = await rawGet(videoPath());
    expect(plain.headers['content-disposition']).toBeUndefined();
  });

  it('serves nothing outside its folders, whatever the path says', async () => {
    for (const attempt of [
      '/media/../hailuo.sqlite',
      '/media/%2e%2e/hailuo.sqlite',
      '/media/videos/..%2F..%2Fhailuo.sqlite',
      '/media/uploads/../../hailuo.sqlite',
      `/media/videos/${seedTask.task_id}.mp4/..`,
      '/media/local-engine/x.mp4',
      '/media/videos/x.mp4.part',
      '/media/videos/.%2Fx.mp4',
    ]) {
      const response = await rawGet(attempt);
      // 404 from the media route, or (where `..` left /media) the SPA's "not built yet" 503 in tests.
      expect([404, 503], attempt).toContain(response.status);
      expect(response.body.includes(Buffer.from('SQLite format')), attempt).toBe(false);
    }
  });
});
