/**
 * `POST /api/v1/videos/generations`: every price, every refusal (with no task and no charge
 * left behind), Idempotency-Key, and the simulated balance. The engine fails every task here
 * (LOCAL_ENGINE_FAILURE_RATE=1, long delay) so no test waits for an encode.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueSchema, creditsSchema, taskListSchema, type GenerationRequestInput } from '@/shared/contract';
import { PROMPT_MAX_CHARS } from '@/shared/limits';
import { TEN_SECONDS_1080P_REASON } from '@/shared/pricing';
import {
  expectError,
  getJson,
  getTask,
  postGeneration,
  SEED_PROMPT,
  submit,
  upload,
} from '../../../tests/support/api-calls';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';
import { generationBodyHash } from '@/server/tasks/generation-body-hash';

let server: TestServer;
let image: string;

beforeAll(async () => {
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000', LOCAL_ENGINE_FAILURE_RATE: '1' });
  image = (await upload(server, await makeTestImage())).url;
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const seedBody = (): GenerationRequestInput => ({
  model: 'hailuo-2-3',
  prompt: SEED_PROMPT,
  image,
  duration: '6',
  resolution: '768P',
});

async function taskCount(): Promise<number> {
  const list = await getJson(server, '/api/v1/tasks?limit=100', taskListSchema);
  return Object.values(list.counts).reduce((a, b) => a + b, 0);
}

async function balance(): Promise<number> {
  return (await getJson(server, '/api/v1/billing/credits', creditsSchema)).balance;
}

describe('refusals', () => {
  const cases: { name: string; body: () => unknown; status: number; code: string; headers?: Record<string, string> }[] =
    [
      {
        name: '10 s at 1080P',
        body: () => ({ ...seedBody(), duration: '10', resolution: '1080P' }),
        status: 422,
        code: 'unsupported_combination',
      },
      {
        name: 'an unknown model',
        body: () => ({ ...seedBody(), model: 'hailuo-9' }),
        status: 400,
        code: 'unknown_model',
      },
      {
        name: 'a model listed but not generatable here',
        body: () => ({ ...seedBody(), model: 'kling-3' }),
        status: 422,
        code: 'model_not_available',
      },
      { name: 'an empty prompt', body: () => ({ ...seedBody(), prompt: '' }), status: 400, code: 'validation_failed' },
      {
        name: 'a prompt of spaces',
        body: () => ({ ...seedBody(), prompt: '   ' }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'an over-long prompt',
        body: () => ({ ...seedBody(), prompt: 'x'.repeat(PROMPT_MAX_CHARS + 1) }),
        status: 400,
        code: 'validation_failed',
      },
      { name: 'no prompt', body: () => ({ ...seedBody(), prompt: undefined }), status: 400, code: 'validation_failed' },
      {
        name: 'an image that is not a URL',
        body: () => ({ ...seedBody(), image: 'golden-retriever.jpg' }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'an ftp image',
        body: () => ({ ...seedBody(), image: 'ftp://example.com/a.jpg' }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'a javascript: image',
        body: () => ({ ...seedBody(), image: 'javascript:alert(1)' }),
        status: 400,
        code: 'validation_failed',
      },
      { name: 'no image', body: () => ({ ...seedBody(), image: undefined }), status: 400, code: 'validation_failed' },
      {
        name: 'an upload of ours that does not exist',
        body: () => ({ ...seedBody(), image: `${server.url}/media/uploads/upl_00000000000000000000000000.jpg` }),
        status: 422,
        code: 'image_unreachable',
      },
      {
        name: 'a number for duration',
        body: () => ({ ...seedBody(), duration: 6 }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'an unknown resolution',
        body: () => ({ ...seedBody(), resolution: '720P' }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'a number for the prompt',
        body: () => ({ ...seedBody(), prompt: 42 }),
        status: 400,
        code: 'validation_failed',
      },
      {
        name: 'a bad callback_url',
        body: () => ({ ...seedBody(), callback_url: 'not a url' }),
        status: 400,
        code: 'validation_failed',
      },
      { name: 'an extra field', body: () => ({ ...seedBody(), seed: 7 }), status: 400, code: 'validation_failed' },
      { name: 'an array', body: () => [seedBody()], status: 400, code: 'validation_failed' },
      { name: 'null', body: () => 'null', status: 400, code: 'validation_failed' },
      { name: 'broken JSON', body: () => '{"model": "hailuo-2-3", "prompt": ', status: 400, code: 'invalid_json' },
      {
        name: 'a bad Idempotency-Key',
        body: () => seedBody(),
        status: 400,
        code: 'validation_failed',
        headers: { 'Idempotency-Key': 'x'.repeat(300) },
      },
    ];

  it.each(cases)('refuses $name with $status $code, and stores nothing', async ({ body, status, code, headers }) => {
    const before = { tasks: await taskCount(), balance: await balance() };
    const message = await expectError(await postGeneration(server, body(), headers), status, code);
    expect(message.length).toBeGreaterThan(10);
    expect({ tasks: await taskCount(), balance: await balance() }).toEqual(before);
  });

  it('says why 10 s at 1080P is refused, in the words the form uses', async () => {
    const response = await postGeneration(server, { ...seedBody(), duration: '10', resolution: '1080P' });
    expect(await expectError(response, 422, 'unsupported_combination')).toBe(TEN_SECONDS_1080P_REASON);
  });

  it('names every wrong field in the details', async () => {
    const response = await postGeneration(server, { model: 'hailuo-2-3', prompt: '', image: 'nope', extra: 1 });
    const body = (await response.json()) as { error: { details: { path: string; message: string }[] } };
    expect(response.status).toBe(400);
    expect(body.error.details.map((d) => d.path).sort()).toEqual(['', 'image', 'prompt']);
  });

  it('refuses a body that is not JSON with 415, and a huge one with 413', async () => {
    const text = await server.fetch('/api/v1/videos/generations', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(seedBody()),
    });
    await expectError(text, 415, 'unsupported_media_type');
    const form = new FormData();
    form.set('prompt', 'x');
    await expectError(
      await server.fetch('/api/v1/videos/generations', { method: 'POST', body: form }),
      415,
      'unsupported_media_type',
    );
    const huge = await postGeneration(server, { ...seedBody(), prompt: 'x'.repeat(100_000) });
    await expectError(huge, 413, 'payload_too_large');
    expect(await taskCount()).toBe(0);
  });
});

describe('prices', () => {
  it('answers every combination with the server’s price, and the catalogue lists the same', async () => {
    const table = [
      ['hailuo-2-3', '6', '768P', 30],
      ['hailuo-2-3', '10', '768P', 45],
      ['hailuo-2-3', '6', '1080P', 45],
      ['hailuo/2-3-image-to-video-standard', '6', '768P', 30],
      ['hailuo/2-3-image-to-video-standard', '10', '768P', 45],
      ['hailuo/2-3-image-to-video-standard', '6', '1080P', 45],
      ['hailuo/2-3-image-to-video-pro', '6', '768P', 45],
      ['hailuo/2-3-image-to-video-pro', '10', '768P', 85],
      ['hailuo/2-3-image-to-video-pro', '6', '1080P', 75],
    ] as const;
    for (const [model, duration, resolution, credits] of table) {
      const created = await submit(server, { model, prompt: 'p', image, duration, resolution });
      expect(created.price_credits, `${model} ${duration} ${resolution}`).toBe(credits);
      const task = await getTask(server, created.task_id);
      expect(task).toMatchObject({ model, duration, resolution, price_credits: credits, charged_credits: 0 });
    }
    const defaults = await submit(server, { prompt: 'defaults', image });
    expect(defaults).toMatchObject({ model: 'hailuo/2-3-image-to-video-standard', price_credits: 30 });

    const catalogue = await getJson(server, '/api/v1/models', catalogueSchema);
    const listed = catalogue.models.flatMap((m) => m.prices.map((p) => [m.id, p.duration, p.resolution, p.credits]));
    expect(listed).toEqual(table.filter(([model]) => model.startsWith('hailuo/')));
    expect(catalogue.models.map((m) => [m.id, m.generatable, m.flat_price_credits])).toEqual(
      expect.arrayContaining([
        ['grok-video', false, 24],
        ['ltx-2', false, 24],
        ['wan-2-6', false, 80],
        ['kling-3', false, 300],
      ]),
    );
  });
});

describe('Idempotency-Key', () => {
  it('answers a repeat with the same task, and makes one task only', async () => {
    const before = await taskCount();
    const first = await submit(server, seedBody(), { 'Idempotency-Key': 'retry-1' });
    const againResponse = await postGeneration(server, { ...seedBody() }, { 'Idempotency-Key': 'retry-1' });
    expect(againResponse.status).toBe(202);
    expect(againResponse.headers.get('idempotent-replayed')).toBe('true');
    const again = (await againResponse.json()) as { task_id: string };
    expect(again.task_id).toBe(first.task_id);
    // The same body in another key order and with its defaults spelled out is the same request.
    const reordered = { resolution: '768P', image, prompt: SEED_PROMPT, duration: '6', model: 'hailuo-2-3' } as const;
    expect((await submit(server, reordered, { 'Idempotency-Key': 'retry-1' })).task_id).toBe(first.task_id);
    expect(await taskCount()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422), and leaves the first task alone', async () => {
    const first = await submit(server, seedBody(), { 'Idempotency-Key': 'retry-2' });
    const before = await taskCount();
    const response = await postGeneration(
      server,
      { ...seedBody(), prompt: 'Another prompt' },
      { 'Idempotency-Key': 'retry-2' },
    );
    await expectError(response, 422, 'idempotency_conflict');
    expect(await taskCount()).toBe(before);
    expect((await getTask(server, first.task_id)).prompt).toBe(SEED_PROMPT);
  });

  it('answers 409 while a request with the same key is still in flight, and creates nothing', async () => {
    const body = { ...seedBody(), prompt: 'In flight elsewhere' };
    const validated = { ...body, model: 'hailuo-2-3', duration: '6', resolution: '768P' } as const;
    // Another request holds the key: reserved, not yet bound to a task.
    await server.services.store.idempotency.reserve('retry-3', generationBodyHash(validated), Date.now(), 60_000);
    const before = await taskCount();
    const response = await postGeneration(server, body, { 'Idempotency-Key': 'retry-3' });
    expect(response.headers.get('retry-after')).toBe('1');
    await expectError(response, 409, 'idempotency_in_flight');
    expect(await taskCount()).toBe(before);
  });
});

describe('the task', () => {
  it('is found by our id and by the engine’s id, and 404 for anything else', async () => {
    const created = await submit(server, seedBody());
    const submitted = await waitForUpstreamId(created.task_id);
    expect(submitted).toMatch(/^lpe_/);
    expect((await getTask(server, submitted)).task_id).toBe(created.task_id);
    await expectError(await server.fetch('/api/v1/tasks/tsk_nope'), 404, 'not_found');
    await expectError(await server.fetch(`/api/v1/tasks/${'x'.repeat(300)}`), 404, 'not_found');
  });
});

async function waitForUpstreamId(taskId: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const task = await getTask(server, taskId);
    if (task.upstream_task_id) return task.upstream_task_id;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('never submitted');
}

describe('the simulated balance', () => {
  it('refuses with 402 a task the balance less running tasks cannot pay, and creates nothing', async () => {
    const poor = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000', LOCAL_ENGINE_FAILURE_RATE: '1' });
    try {
      const picture = (await upload(poor, await makeTestImage())).url;
      const pro10 = { model: 'hailuo/2-3-image-to-video-pro', prompt: 'p', image: picture, duration: '10' } as const;
      // 11 × 85 = 935 of 1000 credits are held by tasks still running.
      for (let i = 0; i < 11; i++) await submit(poor, pro10);
      const refused = await postGeneration(poor, pro10, { 'Idempotency-Key': 'poor-1' });
      expect(await expectError(refused, 402, 'insufficient_credits')).toMatch(/costs 85 and 65 are available/);
      // 65 still pays for a 45-credit video; then 20 is left, which a 30-credit one exceeds.
      await submit(poor, { prompt: 'p', image: picture, resolution: '1080P' });
      await expectError(await postGeneration(poor, { prompt: 'p', image: picture }), 402, 'insufficient_credits');
      const list = await getJson(poor, '/api/v1/tasks?limit=100', taskListSchema);
      expect(list.items).toHaveLength(12);
      expect(await getJson(poor, '/api/v1/billing/credits', creditsSchema)).toMatchObject({
        balance: 1000,
        spent: 0,
      });
      // The refused request left its key free for a later retry.
      expect(await poor.services.store.idempotency.reserve('poor-1', 'any', Date.now(), 60_000)).toEqual({
        state: 'reserved',
      });
    } finally {
      await poor.stop();
      fs.rmSync(poor.dataDir, { recursive: true, force: true });
    }
  });
});
