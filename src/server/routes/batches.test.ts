/**
 * `POST /api/v1/batches` and `GET /api/v1/batches/{id}`: totals for mixed variants, refusals
 * that leave nothing behind, and Idempotency-Key. The engine here never finishes a task (long
 * delay), so the tests never wait for an encode; charges are tested in downloads.test.ts.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditsSchema, taskListSchema } from '@/shared/contract';
import { batchRequestSchema, type BatchRequestInput } from '@/shared/batch-contract';
import { BATCH_MAX_IMAGES } from '@/shared/limits';
import { expectError, getJson, postGeneration, upload } from '../../../tests/support/api-calls';
import { countAllTasks, createBatch, fetchZip, getBatch, postBatch } from '../../../tests/support/batch-calls';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';
import { generationBodyHash } from '@/server/tasks/generation-body-hash';

let server: TestServer;
let images: string[];

beforeAll(async () => {
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000', LOCAL_ENGINE_FAILURE_RATE: '1' });
  images = [];
  for (let i = 0; i < 12; i++) images.push((await upload(server, await makeTestImage(640 + i, 400))).url);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const PROMPT = 'Slow orbit around the bottle, studio light';

async function balance(): Promise<number> {
  return (await getJson(server, '/api/v1/billing/credits', creditsSchema)).balance;
}

describe('prices', () => {
  it('makes one task per image × variant, each at the server’s price, totalled', async () => {
    const created = await createBatch(server, {
      prompt: PROMPT,
      images: images.slice(0, 2),
      variants: [
        { mode: 'standard', duration: '6', resolution: '768P' },
        { mode: 'pro', duration: '10', resolution: '768P' },
        { mode: 'pro', duration: '6', resolution: '1080P' },
        { model: 'hailuo-2-3', duration: '10', resolution: '768P' },
      ],
    });
    expect(created.task_ids).toHaveLength(8);
    expect(created.total_price_credits).toBe(2 * (30 + 85 + 75 + 45));

    const batch = await getBatch(server, created.batch_id);
    expect(batch.tasks.map((t) => t.task_id)).toEqual(created.task_ids);
    // Every variant of the first image, then of the second, in the order asked for.
    expect(
      batch.tasks.map((t) => [t.image === images[0] ? 1 : 2, t.mode, t.duration, t.resolution, t.price_credits]),
    ).toEqual([
      [1, 'standard', '6', '768P', 30],
      [1, 'pro', '10', '768P', 85],
      [1, 'pro', '6', '1080P', 75],
      [1, 'standard', '10', '768P', 45],
      [2, 'standard', '6', '768P', 30],
      [2, 'pro', '10', '768P', 85],
      [2, 'pro', '6', '1080P', 75],
      [2, 'standard', '10', '768P', 45],
    ]);
    expect(batch.tasks.every((t) => t.batch_id === created.batch_id && t.prompt === PROMPT)).toBe(true);
    expect(batch.tasks[3]!.model).toBe('hailuo-2-3');
    expect(batch).toMatchObject({
      task_count: 8,
      total_price_credits: 470,
      charged_credits: 0,
      done: false,
      finished_at: null,
      prompt: PROMPT,
    });
    expect(batch.counts.queued + batch.counts.running).toBe(8);
  });

  it('defaults to one standard 6 s 768P video per image', async () => {
    const created = await createBatch(server, { prompt: PROMPT, images: images.slice(2, 5) });
    expect(created).toMatchObject({ total_price_credits: 90 });
    const batch = await getBatch(server, created.batch_id);
    expect(batch.tasks.map((t) => [t.model, t.duration, t.resolution])).toEqual(
      Array(3).fill(['hailuo/2-3-image-to-video-standard', '6', '768P']),
    );
  });
});

it('has no ZIP while nothing in it is finished, and says so', async () => {
  const created = await createBatch(server, { prompt: PROMPT, images: images.slice(5, 7) });
  const { response } = await fetchZip(server, `batch_id=${created.batch_id}`);
  expect(await expectError(response, 409, 'not_ready')).toMatch(
    /^None of these 2 videos is ready to download \((\d (queued|generating)(, )?)+\)\. Try again once at least one is ready\.$/,
  );
});

describe('refusals', () => {
  const ok = (): BatchRequestInput => ({ prompt: PROMPT, images: images.slice(0, 2), variants: [{ mode: 'pro' }] });
  const cases: { name: string; body: () => unknown; status: number; code: string; says?: RegExp }[] = [
    {
      name: 'one variant not offered (10 s at 1080P)',
      body: () => ({ ...ok(), variants: [{ mode: 'pro' }, { mode: 'standard', duration: '10', resolution: '1080P' }] }),
      status: 422,
      code: 'unsupported_combination',
      says: /^Variant 2 \(standard, 10 s, 1080P\) is not offered: Hailuo 2\.3 offers 1080P only at 6 s/,
    },
    {
      name: 'an upload of ours that is gone',
      body: () => ({ ...ok(), images: [images[0], `${server.url}/media/uploads/upl_00000000000000000000000000.jpg`] }),
      status: 422,
      code: 'image_unreachable',
      says: /^Image 2 /,
    },
    {
      name: 'more than 20 images',
      body: () => ({ ...ok(), images: Array.from({ length: 21 }, (_, i) => `http://127.0.0.1:9/${i}.jpg`) }),
      status: 400,
      code: 'validation_failed',
      says: /at most 20 images/,
    },
    {
      name: 'more than 4 variants',
      body: () => ({ ...ok(), variants: Array(5).fill({ mode: 'pro' }) }),
      status: 400,
      code: 'validation_failed',
      says: /at most 4 variants/,
    },
    { name: 'no images', body: () => ({ ...ok(), images: [] }), status: 400, code: 'validation_failed' },
    { name: 'no variants', body: () => ({ ...ok(), variants: [] }), status: 400, code: 'validation_failed' },
    {
      name: 'the same image twice',
      body: () => ({ ...ok(), images: [images[0], images[1], images[0]] }),
      status: 400,
      code: 'validation_failed',
      says: /Image 3 is the same link as image 1/,
    },
    {
      name: 'the same variant twice',
      body: () => ({ ...ok(), variants: [{ mode: 'pro' }, { model: 'hailuo/2-3-image-to-video-pro', duration: '6' }] }),
      status: 400,
      code: 'validation_failed',
      says: /Variant 2 repeats variant 1/,
    },
    {
      name: 'a mode and a model that disagree',
      body: () => ({ ...ok(), variants: [{ mode: 'pro', model: 'hailuo-2-3' }] }),
      status: 400,
      code: 'validation_failed',
    },
    {
      name: 'a model that is not Hailuo 2.3',
      body: () => ({ ...ok(), variants: [{ model: 'kling-3' }] }),
      status: 400,
      code: 'validation_failed',
    },
    { name: 'an empty prompt', body: () => ({ ...ok(), prompt: ' ' }), status: 400, code: 'validation_failed' },
    { name: 'an unknown field', body: () => ({ ...ok(), seed: 1 }), status: 400, code: 'validation_failed' },
    { name: 'broken JSON', body: () => '{"prompt": ', status: 400, code: 'invalid_json' },
  ];

  it.each(cases)('refuses $name ($status $code) and makes no task', async ({ body, status, code, says }) => {
    const before = { tasks: await countAllTasks(server), balance: await balance() };
    const message = await expectError(await postBatch(server, body()), status, code);
    if (says) expect(message).toMatch(says);
    expect({ tasks: await countAllTasks(server), balance: await balance() }).toEqual(before);
  });

  it('refuses with 402 a batch whose total the balance cannot pay, and makes none of its tasks', async () => {
    const before = await countAllTasks(server);
    // 12 × 85 = 1020 credits: more than the simulated 1000, whatever else is running.
    const body: BatchRequestInput = { prompt: PROMPT, images, variants: [{ mode: 'pro', duration: '10' }] };
    const response = await postBatch(server, body, { 'Idempotency-Key': 'too-dear' });
    const json = (await response.json()) as { error: { code: string; message: string; details: { needed: number } } };
    expect(response.status).toBe(402);
    expect(json.error).toMatchObject({ code: 'insufficient_credits', details: { needed: 1020 } });
    expect(json.error.message).toMatch(/its 12 videos cost 1020 in all .* Nothing was started\./);
    expect(await countAllTasks(server)).toBe(before);
    // The refused request left its key free for a batch that can be paid.
    const cheaper = await createBatch(
      server,
      { ...body, images: images.slice(0, 1) },
      { 'Idempotency-Key': 'too-dear' },
    );
    expect(cheaper.task_ids).toHaveLength(1);
  });

  it('answers 404 for a batch that does not exist', async () => {
    await expectError(await server.fetch('/api/v1/batches/bat_nope'), 404, 'not_found');
    await expectError(await server.fetch(`/api/v1/batches/${'x'.repeat(300)}`), 404, 'not_found');
  });
});

describe('Idempotency-Key', () => {
  // A server of its own: the tasks above still hold most of the simulated balance.
  beforeAll(async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000', LOCAL_ENGINE_FAILURE_RATE: '1' });
    images = [];
    for (let i = 0; i < 8; i++) images.push((await upload(server, await makeTestImage(640 + i, 400))).url);
  });

  const body = (): BatchRequestInput => ({
    prompt: 'Push in on the watch face',
    images: images.slice(5, 8),
    variants: [{ mode: 'standard' }, { mode: 'pro' }],
  });

  it('answers a retried batch with the same batch and tasks, and makes nothing more', async () => {
    const before = await countAllTasks(server);
    const first = await createBatch(server, body(), { 'Idempotency-Key': 'batch-retry-1' });
    expect(first.replayed).toBe(false);
    const again = await createBatch(server, body(), { 'Idempotency-Key': 'batch-retry-1' });
    expect(again).toEqual({ ...first, replayed: true });
    // The same request with its defaults spelled out and its keys in another order.
    const spelled: BatchRequestInput = {
      variants: [
        { resolution: '768P', duration: '6', mode: 'standard' },
        { mode: 'pro', duration: '6', resolution: '768P' },
      ],
      images: images.slice(5, 8),
      prompt: 'Push in on the watch face',
    };
    expect((await createBatch(server, spelled, { 'Idempotency-Key': 'batch-retry-1' })).task_ids).toEqual(
      first.task_ids,
    );
    expect(await countAllTasks(server)).toBe(before + 6);
    const listed = await getJson(server, `/api/v1/tasks?batch_id=${first.batch_id}&limit=100`, taskListSchema);
    expect(listed.items.map((t) => t.task_id).sort()).toEqual([...first.task_ids].sort());
  });

  it('refuses the same key with another body (422), and the key of a single video', async () => {
    await createBatch(server, body(), { 'Idempotency-Key': 'batch-retry-2' });
    const before = await countAllTasks(server);
    const other = await postBatch(server, { ...body(), prompt: 'Pull out' }, { 'Idempotency-Key': 'batch-retry-2' });
    await expectError(other, 422, 'idempotency_conflict');
    const single = await postGeneration(
      server,
      { prompt: 'Pull out', image: images[0] },
      { 'Idempotency-Key': 'batch-retry-2' },
    );
    await expectError(single, 422, 'idempotency_conflict');
    expect(await countAllTasks(server)).toBe(before);
  });

  it('answers 409 while the first request with the key is still in flight', async () => {
    const hash = generationBodyHash(batchRequestSchema.parse(body()));
    await server.services.store.idempotency.reserve('batch-retry-3', hash, Date.now(), 60_000);
    const before = await countAllTasks(server);
    const response = await postBatch(server, body(), { 'Idempotency-Key': 'batch-retry-3' });
    expect(response.headers.get('retry-after')).toBe('1');
    await expectError(response, 409, 'idempotency_in_flight');
    expect(await countAllTasks(server)).toBe(before);
  });

  it('refuses a malformed key', async () => {
    await expectError(await postBatch(server, body(), { 'Idempotency-Key': 'é' }), 400, 'validation_failed');
  });
});

it('takes exactly 20 images', async () => {
  const many = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000', LOCAL_ENGINE_FAILURE_RATE: '1' });
  try {
    const links = Array.from({ length: BATCH_MAX_IMAGES }, (_, i) => `http://127.0.0.1:9/product-${i}.jpg`);
    const created = await createBatch(many, { prompt: PROMPT, images: links });
    expect(created).toMatchObject({ total_price_credits: 600 });
    expect(created.task_ids).toHaveLength(20);
  } finally {
    await many.stop();
    fs.rmSync(many.dataDir, { recursive: true, force: true });
  }
});
