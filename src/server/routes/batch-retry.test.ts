/**
 * `POST /api/v1/batches/{id}/retry-failed`: the failed tasks of a batch made again with their own
 * parameters and stored image (no upload), each once — however many clicks or resent requests —
 * in the same batch, whose counts then count the retry in place of what it retried.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchRetrySchema, type BatchRetry } from '@/shared/batch-contract';
import { taskListSchema } from '@/shared/contract';
import { expectError, getJson, getTask, upload } from '../../../tests/support/api-calls';
import { createBatch, getBatch, waitForBatch } from '../../../tests/support/batch-calls';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
let images: string[];

const retry = (batchId: string) => server.fetch(`/api/v1/batches/${batchId}/retry-failed`, { method: 'POST' });
async function retried(batchId: string, status: number): Promise<BatchRetry> {
  const response = await retry(batchId);
  const body: unknown = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(status);
  return batchRetrySchema.parse(body);
}

beforeAll(async () => {
  // Every task fails (simulated), fast: what "Retry failed" is for.
  server = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '200', LOCAL_ENGINE_FAILURE_RATE: '1' });
  images = [];
  for (const name of ['Red shoe.jpg', 'Blue bag.jpg'])
    images.push((await upload(server, await makeTestImage(), name)).url);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('Retry failed', () => {
  it('makes each failed task again once, with its parameters and image, and nothing on a second click', async () => {
    const created = await createBatch(server, {
      prompt: 'Turntable',
      images,
      variants: [{ mode: 'pro', duration: '10' }, { mode: 'standard' }],
    });
    const failed = await waitForBatch(server, created.batch_id);
    expect(failed.counts.failed).toBe(4);
    const uploadsBefore = fs.readdirSync(`${server.dataDir}/media/uploads`).length;

    // Two clicks at once, then a third: four retries in all.
    const [a, b] = await Promise.all([retry(created.batch_id), retry(created.batch_id)]);
    const answers = [a, b].map(async (r) => ({ status: r.status, body: batchRetrySchema.parse(await r.json()) }));
    const [first, second] = await Promise.all(answers);
    const made = [...first!.body.created_task_ids, ...second!.body.created_task_ids];
    expect(made).toHaveLength(4);
    // Whichever made them, both answers name the same four retries.
    for (const answer of [first!, second!]) {
      expect(answer.status).toBe(answer.body.created_task_ids.length ? 201 : 200);
      expect([...answer.body.created_task_ids, ...answer.body.earlier_task_ids].sort()).toEqual([...made].sort());
    }
    const third = await retried(created.batch_id, 200);
    expect(third.created_task_ids).toEqual([]);
    expect([...third.earlier_task_ids].sort()).toEqual([...made].sort());

    for (const id of made) {
      const task = await getTask(server, id);
      const original = failed.tasks.find((t) => t.task_id === task.retry_of)!;
      expect(task).toMatchObject({
        batch_id: created.batch_id,
        image: original.image,
        image_name: original.image_name,
        mode: original.mode,
        duration: original.duration,
        resolution: original.resolution,
        prompt: original.prompt,
        price_credits: original.price_credits,
      });
    }
    expect(fs.readdirSync(`${server.dataDir}/media/uploads`).length).toBe(uploadsBefore);

    // The batch counts the retries in place of what they retried; the gallery shows only the retries.
    const batch = await getBatch(server, created.batch_id);
    expect(batch).toMatchObject({ task_count: 4, retried: 4 });
    expect(batch.tasks.map((t) => t.task_id).sort()).toEqual([...made].sort());
    const gallery = await getJson(server, `/api/v1/tasks?hidden=0&batch_id=${created.batch_id}`, taskListSchema);
    expect(gallery.items.map((t) => t.task_id).sort()).toEqual([...made].sort());
    const support = await getJson(server, `/api/v1/tasks?batch_id=${created.batch_id}`, taskListSchema);
    expect(support.items).toHaveLength(8);

    // The retries fail too (every task does here): a new click retries them, each once.
    await waitForBatch(server, created.batch_id);
    const again = await retried(created.batch_id, 201);
    expect(again.created_task_ids).toHaveLength(4);
    expect((await getBatch(server, created.batch_id)).retried).toBe(8);
  });

  it('answers 409 when nothing failed, 404 for no such batch', async () => {
    const quiet = await startTestApp({ LOCAL_ENGINE_DELAY_MS: '600000' });
    try {
      const image = (await upload(quiet, await makeTestImage(), 'a.jpg')).url;
      const created = await createBatch(quiet, { prompt: 'Still going', images: [image] });
      const message = await expectError(
        await quiet.fetch(`/api/v1/batches/${created.batch_id}/retry-failed`, { method: 'POST' }),
        409,
        'nothing_to_retry',
      );
      expect(message).toBe('No task of this batch has failed, so there is nothing to retry.');
    } finally {
      await quiet.stop();
      fs.rmSync(quiet.dataDir, { recursive: true, force: true });
    }
    await expectError(await retry('bat_nope'), 404, 'not_found');
  });
});
