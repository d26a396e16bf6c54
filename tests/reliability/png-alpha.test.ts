/**
 * A PNG with a transparent area, measured on pixels: the upload keeps its transparency (the
 * stored PNG has alpha, so API in One gets the image as it was), and the local preview shows
 * the transparent area as white — the page behind it — not black.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submit, upload, waitForTask } from '../support/api-calls';
import { startTestApp, type TestServer } from '../support/test-server';

const WIDTH = 640;
const HEIGHT = 400;
/* Left 60 % fully transparent (black beneath, as editors often leave it), right 40 % opaque red. */
const OPAQUE_FROM = Math.round(WIDTH * 0.6);

async function halfTransparentPng(): Promise<Buffer> {
  const red = await sharp({
    create: { width: WIDTH - OPAQUE_FROM, height: HEIGHT, channels: 4, background: { r: 220, g: 0, b: 0, alpha: 1 } },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width: WIDTH, height: HEIGHT, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([{ input: red, left: OPAQUE_FROM, top: 0 }])
    .png()
    .toBuffer();
}

/** The mean colour of a region given in fractions of the image's width and height. */
async function meanColour(image: Buffer, x: [number, number], y: [number, number]) {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  let pixels = 0;
  for (let row = Math.floor(y[0] * info.height); row < Math.floor(y[1] * info.height); row++) {
    for (let column = Math.floor(x[0] * info.width); column < Math.floor(x[1] * info.width); column++) {
      const at = (row * info.width + column) * info.channels;
      for (let c = 0; c < 3; c++) sum[c]! += data[at + c]!;
      pixels++;
    }
  }
  const [r, g, b] = sum.map((total) => Math.round(total / pixels)) as [number, number, number];
  return { r, g, b };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '300' });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('a PNG with a transparent area', () => {
  it('is stored with its transparency, and previewed on white', async () => {
    const stored = await upload(server, await halfTransparentPng(), 'cut-out.png', 'image/png');
    expect(stored.content_type).toBe('image/png');
    const kept = Buffer.from(await (await server.fetch(stored.url)).arrayBuffer());
    const { data, info } = await sharp(kept).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[(200 * WIDTH + 100) * 4 + 3]).toBe(0);
    expect(data[(200 * WIDTH + 600) * 4 + 3]).toBe(255);

    const created = await submit(server, { prompt: 'A cut-out on white', image: stored.url });
    const task = await waitForTask(server, created.task_id, undefined, 60_000);
    expect(task, JSON.stringify(task.error)).toMatchObject({ status: 'succeeded' });
    // The poster is the video's first frame; regions well inside each area, whatever the camera move.
    const poster = Buffer.from(await (await server.fetch(task.result!.poster_url)).arrayBuffer());
    const transparentArea = await meanColour(poster, [0.15, 0.35], [0.35, 0.65]);
    const redArea = await meanColour(poster, [0.85, 0.95], [0.35, 0.65]);
    for (const channel of [transparentArea.r, transparentArea.g, transparentArea.b])
      expect(channel).toBeGreaterThan(240);
    expect(redArea.r).toBeGreaterThan(170);
    expect(Math.max(redArea.g, redArea.b)).toBeLessThan(60);
  });
});
