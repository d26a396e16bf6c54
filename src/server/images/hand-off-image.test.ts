/**
 * What API in One is handed as the reference image, through the whole server in API in One mode
 * (the fake upstream over real HTTP also plays the web the person's links point to): always a
 * JPEG of at most 10 MB on our own storage, whatever was given; a link that cannot be used ends
 * the task before anything is sent; the task keeps the link the person gave.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task } from '@/shared/contract';
import { IMAGE_LIMITS } from '@/shared/limits';
import { getJson, submit, upload, waitForTask } from '../../../tests/support/api-calls';
import { createBatch } from '../../../tests/support/batch-calls';
import { FakeUpstream } from '../../../tests/fakes/fake-upstream';
import { CANARY_KEY } from '../../../tests/support/test-client';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';
import { toUpstreamJpeg } from './upstream-jpeg';

const CREATE = '/api/v1/videos/generations';
let fake: FakeUpstream;
let server: TestServer;

/* A cut-out product: an opaque red square on a transparent background. */
async function transparentPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect x="300" y="200" width="200" height="200" fill="#dc2626"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/* Noise does not compress: 2700×2000 px stored uncompressed is a 15.5 MB PNG, over the 10 MB upstream limit. */
function largePng(): Promise<Buffer> {
  const [width, height] = [2700, 2000];
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

const images = new Map<string, { body: Buffer; type: string }>();

beforeAll(async () => {
  images.set('/images/cutout.png', { body: await transparentPng(), type: 'image/png' });
  images.set('/images/photo.webp', { body: await makeTestImage(900, 600, 'webp'), type: 'image/webp' });
  images.set('/images/huge.png', { body: await largePng(), type: 'image/png' });
  images.set('/images/strip.jpg', { body: await makeTestImage(640, 300), type: 'image/jpeg' });
  images.set('/images/shared.jpg', { body: await makeTestImage(700, 500), type: 'image/jpeg' });
  fake = await FakeUpstream.start();
  server = await startTestApp({ APIINONE_API_KEY: CANARY_KEY, APIINONE_BASE_URL: fake.baseUrl });
}, 60_000);
afterAll(async () => {
  await server.stop();
  await fake.close();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});
/* Upstream ids are unique for the whole run, as a real upstream's are. */
let jobs = 0;
beforeEach(() => {
  fake.reset();
  fake.on('POST', CREATE, () => ({
    json: { code: 200, message: 'success', data: { task_id: `n51job${++jobs}_hailuo`, status: 'IN_PROGRESS' } },
  }));
  fake.on('GET', /^\/api\/v1\/tasks\//, { json: { code: 200, data: { state: 'generating' } } });
  for (const [path, image] of images)
    fake.on('GET', path, { body: image.body, headers: { 'content-type': image.type } });
  fake.on('GET', '/images/gone.jpg', { status: 404, body: 'not found' });
});

const sentImages = () => fake.requestsTo('POST', CREATE).map((r) => (JSON.parse(r.body) as { image: string }).image);

async function handedTo(task: Task) {
  await waitForTask(server, task.task_id, (t) => t.upstream_task_id !== null, 20_000);
  const [sent] = sentImages();
  const response = await server.fetch(sent!);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { sent: sent!, bytes, contentType: response.headers.get('content-type'), meta: await sharp(bytes).metadata() };
}

async function submitLinked(path: string): Promise<Task> {
  const created = await submit(server, { prompt: 'A slow push in', image: `${fake.baseUrl}${path}` });
  return waitForTask(server, created.task_id, () => true);
}

describe('every image reaches API in One as our own JPEG of at most 10 MB', () => {
  it('flattens a transparent PNG onto white, and the task keeps the link given', async () => {
    const task = await submitLinked('/images/cutout.png');
    const { sent, bytes, contentType, meta } = await handedTo(task);
    expect(sent).toMatch(/^http:\/\/localhost\/media\/uploads\/upl_[0-9a-z]{26}\.jpg$/);
    expect(contentType).toBe('image/jpeg');
    expect(meta).toMatchObject({ format: 'jpeg', width: 800, height: 600, hasAlpha: false });
    const { data } = await sharp(bytes)
      .extract({ left: 10, top: 10, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([...data].every((channel) => channel > 245)).toBe(true);
    expect((await waitForTask(server, task.task_id, () => true)).image).toBe(`${fake.baseUrl}/images/cutout.png`);
    const { events } = await getJson(server, `/api/v1/tasks/${task.task_id}/history`, taskHistorySchema);
    expect(events.map((e) => e.message).join('\n')).toContain(`made from the PNG at the link given: ${sent}`);
  });

  it('re-encodes a WebP', async () => {
    const { meta } = await handedTo(await submitLinked('/images/photo.webp'));
    expect(meta).toMatchObject({ format: 'jpeg', width: 900, height: 600 });
  });

  it('re-encodes a 15 MB PNG into a JPEG under 10 MB', async () => {
    expect(images.get('/images/huge.png')!.body.length).toBeGreaterThan(15 * 1024 * 1024);
    const { bytes, meta } = await handedTo(await submitLinked('/images/huge.png'));
    expect(bytes.length).toBeLessThanOrEqual(IMAGE_LIMITS.upstreamMaxBytes);
    expect(meta.format).toBe('jpeg');
  }, 60_000);

  it('sends our own JPEG upload as it is', async () => {
    const photo = await upload(server, await makeTestImage());
    const created = await submit(server, { prompt: 'A slow push in', image: photo.url });
    const { sent, meta } = await handedTo(await waitForTask(server, created.task_id, () => true));
    expect(sent).toBe(photo.url);
    expect(meta.format).toBe('jpeg');
  });

  it('re-encodes our own PNG upload', async () => {
    const png = await upload(server, await makeTestImage(640, 400, 'png'), 'photo.png', 'image/png');
    const created = await submit(server, { prompt: 'A slow push in', image: png.url });
    const { sent, meta } = await handedTo(await waitForTask(server, created.task_id, () => true));
    expect(sent).not.toBe(png.url);
    expect(meta.format).toBe('jpeg');
  });

  it('fetches a link once for all the variants of a batch, and hands each the same copy', async () => {
    const { task_ids } = await createBatch(server, {
      prompt: 'A slow push in',
      images: [`${fake.baseUrl}/images/shared.jpg`],
      variants: [{ mode: 'standard' }, { mode: 'pro' }, { mode: 'standard', duration: '10' }],
    });
    for (const id of task_ids) await waitForTask(server, id, (t) => t.upstream_task_id !== null, 20_000);
    expect(fake.requestsTo('GET', '/images/shared.jpg')).toHaveLength(1);
    expect(new Set(sentImages()).size).toBe(1);
  });
});

describe('an image that cannot be used ends the task before anything is sent', () => {
  it.each([
    ['/images/gone.jpg', 'image_unreachable', /HTTP 404/],
    ['/images/strip.jpg', 'image_invalid', /short side to be more than 300 px/],
  ])('%s', async (path, code, message) => {
    const created = await submit(server, { prompt: 'A slow push in', image: `${fake.baseUrl}${path}` });
    const task = await waitForTask(server, created.task_id);
    expect(task).toMatchObject({ status: 'failed', charged_credits: 0, error: { code }, attention: null });
    expect(task.error!.message).toMatch(message);
    expect(task.error!.message).toMatch(/No credits were charged\.$/);
    expect(fake.requestsTo('POST', CREATE)).toHaveLength(0);
  });
});

describe('toUpstreamJpeg', () => {
  it('makes an image smaller until it fits, keeping its shape and a short side over 300 px', async () => {
    const noise = await sharp(randomBytes(1200 * 800 * 3), { raw: { width: 1200, height: 800, channels: 3 } })
      .png()
      .toBuffer();
    const fitted = await toUpstreamJpeg(noise, { width: 1200, height: 800 }, 300 * 1024);
    expect(fitted.jpeg.length).toBeLessThanOrEqual(300 * 1024);
    expect(fitted.scale).toBeLessThan(1);
    expect(fitted.width / fitted.height).toBeCloseTo(1.5, 1);
    expect(Math.min(fitted.width, fitted.height)).toBeGreaterThan(300);
  });

  it('refuses, in plain words, an image that cannot fit without going under the minimum', async () => {
    const noise = await sharp(randomBytes(500 * 400 * 3), { raw: { width: 500, height: 400, channels: 3 } })
      .png()
      .toBuffer();
    await expect(toUpstreamJpeg(noise, { width: 500, height: 400 }, 10 * 1024)).rejects.toThrow(
      /could not be made into a JPEG of at most/,
    );
  });
});
