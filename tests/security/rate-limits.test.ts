/**
 * Per-client rate limits on the routes that start work (submit, batch, upload) and on sign-in:
 * a burst, then 429 with Retry-After; each route has its own allowance; the defaults suit a
 * person, and the test servers turn them off through the environment.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '@/server/config/config';
import { expectError, postGeneration, SEED_PROMPT, upload } from '../support/api-calls';
import { makeTestImage } from '../support/test-image';
import { startTestApp, type TestServer } from '../support/test-server';

let server: TestServer;
let jpeg: Buffer;

beforeAll(async () => {
  server = await startTestApp({
    RATE_LIMIT_SUBMITS_PER_MIN: '6', // a burst of 4
    RATE_LIMIT_UPLOADS_PER_MIN: '4', // a burst of 3
    RATE_LIMIT_BATCHES_PER_MIN: '3', // a burst of 2
    LOCAL_ENGINE_DELAY_MS: '600000',
    LOCAL_ENGINE_FAILURE_RATE: '1',
  });
  jpeg = await makeTestImage();
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

async function taskTotal(): Promise<number> {
  const list = (await (await server.fetch('/api/v1/tasks?limit=1')).json()) as { counts: Record<string, number> };
  return Object.values(list.counts).reduce((a, b) => a + b, 0);
}

async function expectLimited(response: Response) {
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  return expectError(response, 429, 'rate_limited');
}

describe('rate limits', () => {
  it('uploads: a burst, then 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) await upload(server, jpeg);
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'x.jpg');
    const message = await expectLimited(await server.fetch('/api/v1/uploads', { method: 'POST', body: form }));
    expect(message).toMatch(/Too many uploads.*Try again in \d+ s/);
  });

  it('submits: a burst, then 429 that creates no task; its own allowance, apart from uploads', async () => {
    const image = `${server.url}/media/uploads/none.jpg`;
    for (let i = 0; i < 4; i++) {
      const response = await postGeneration(server, { model: 'hailuo-2-3', prompt: `${SEED_PROMPT} ${i}`, image });
      expect(response.status).toBe(202);
    }
    const before = await taskTotal();
    await expectLimited(await postGeneration(server, { model: 'hailuo-2-3', prompt: SEED_PROMPT, image }));
    expect(await taskTotal()).toBe(before);
  });

  it('batches: a burst, then 429', async () => {
    const batch = () =>
      server.fetch('/api/v1/batches', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
    for (let i = 0; i < 2; i++) expect((await batch()).status).toBe(400);
    await expectLimited(await batch());
  });

  it('reads are never limited', async () => {
    for (let i = 0; i < 30; i++) expect((await server.fetch('/api/v1/tasks?limit=1')).status).toBe(200);
  });
});

describe('defaults', () => {
  it('suit a person: 30 submits and uploads a minute (burst 20), 10 batches, 10 sign-in attempts', () => {
    expect(readConfig({}).security.rateLimits).toEqual({
      submitsPerMin: 30,
      uploadsPerMin: 30,
      batchesPerMin: 10,
      signInsPerMin: 10,
    });
  });
});
