/**
 * `POST /api/v1/batches`: one prompt, up to 20 images × up to 4 variants, each a task of its
 * own, all made in one transaction under one batch id — or none at all when any part is refused
 * (a combination not offered, a missing upload, not enough credits for the total). With
 * `Idempotency-Key`, a retried batch answers the first one and makes nothing more.
 * `GET /api/v1/batches/{id}`: its tasks, counts per status, overall progress and spend.
 */
import { Hono, type Context } from 'hono';
import { batchRequestSchema, type BatchCreated, type BatchVariant } from '@/shared/batch-contract';
import { BATCH_MAX_TASKS } from '@/shared/limits';
import { DEFAULT_CATALOGUE, findModel, modeOfModel, quote } from '@/shared/pricing';
import { limitBody } from '@/server/http/body-limit';
import { requestOrigin } from '@/server/http/request-origin';
import { requireJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import { HttpError } from '@/server/http/http-error';
import { isMissingOwnUpload } from '@/server/images/missing-own-upload';
import type { Services } from '@/server/services';
import { newId } from '@/server/store/new-id';
import { InsufficientCreditsError, type NewTask, type TaskRecord } from '@/server/store/tasks-store';
import { toBatchJson } from '@/server/tasks/batch-json';
import { generationBodyHash } from '@/server/tasks/generation-body-hash';
import { idempotencyKeyOf, reserveIdempotencyKey } from '@/server/tasks/idempotency-key';

/* Twenty links of up to 2048 characters and a prompt of 5000 (up to 4 bytes each in UTF-8). */
const BATCH_BODY_LIMIT = 128 * 1024;

export function batchRoutes(services: Services) {
  const { store, engine, tracker, config } = services;

  /* Newest first from the list; a batch's ids were handed out sorted, so reversed is the order asked for. */
  async function tasksOf(batchId: string): Promise<TaskRecord[]> {
    return (await store.tasks.list({ batchId, limit: BATCH_MAX_TASKS })).reverse();
  }

  async function answerAgain(c: Context, firstTaskId: string) {
    const first = await store.tasks.get(firstTaskId);
    const tasks = first?.batchId ? await tasksOf(first.batchId) : [];
    if (!first?.batchId || !tasks.length) return null;
    return c.json(created(first.batchId, tasks), 201, {
      'Idempotent-Replayed': 'true',
      Location: batchPath(first.batchId),
    });
  }

  return new Hono()
    .post('/', limitBody(BATCH_BODY_LIMIT), requireJson, validate('json', batchRequestSchema), async (c) => {
      const body = c.req.valid('json');
      const prices = body.variants.map(priceOfVariant);
      const key = idempotencyKeyOf(c);
      const earlier = key ? await reserveIdempotencyKey(c, store.idempotency, key, generationBodyHash(body)) : null;
      if (earlier) {
        const replay = await answerAgain(c, earlier);
        if (replay) return replay;
      }
      try {
        const origin = requestOrigin(c, config.publicBaseUrl);
        for (const [i, image] of body.images.entries()) {
          if (await isMissingOwnUpload(image, origin, store.uploads))
            throw new HttpError(
              422,
              'image_unreachable',
              `Image ${i + 1} is an upload that is no longer on this server. Upload it again; nothing was started.`,
            );
        }
        const now = Date.now();
        const batchId = newId('bat', now);
        const combos = body.images.flatMap((image) => body.variants.map((variant, v) => ({ image, variant, v })));
        // Ids made in the same millisecond sort by their random part: sorted, they keep the order asked for.
        const ids = combos.map(() => newId('tsk', now)).sort();
        const newTasks = combos.map(({ image, variant, v }, i): NewTask => ({
          id: ids[i]!,
          engine: engine.name,
          model: variant.model,
          modelId: findModel(DEFAULT_CATALOGUE, variant.model)!.id,
          mode: modeOfModel(variant.model)!,
          prompt: body.prompt,
          image,
          duration: variant.duration,
          resolution: variant.resolution,
          priceCredits: prices[v]!,
          callbackUrl: body.callback_url ?? null,
          batchId,
          idempotencyKey: key,
          createdAt: now,
        }));
        const tasks = await store.tasks.createMany(newTasks, { checkCredits: engine.simulated });
        tracker.wake();
        return c.json(created(batchId, tasks), 201, { Location: batchPath(batchId) });
      } catch (error) {
        // A refused batch leaves nothing behind: no task, no charge, and the key free to use again.
        if (key) await store.idempotency.release(key);
        if (error instanceof InsufficientCreditsError) {
          throw new HttpError(
            402,
            'insufficient_credits',
            `Not enough credits for this batch: its ${body.images.length * body.variants.length} videos cost ${error.needed} in all and ${Math.max(0, error.available)} are available (the balance less tasks still running). Nothing was started.`,
            { needed: error.needed, available: error.available },
          );
        }
        throw error;
      }
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const tasks = id.length <= 100 ? await tasksOf(id) : [];
      if (!tasks.length) throw new HttpError(404, 'not_found', `No batch with id "${id.slice(0, 100)}".`);
      return c.json(toBatchJson(id, tasks, requestOrigin(c, config.publicBaseUrl), engine.typicalDurationMs));
    });
}

function priceOfVariant(variant: BatchVariant, index: number): number {
  const priced = quote(DEFAULT_CATALOGUE, variant);
  if (!priced.ok) throw new HttpError(422, priced.code, `Variant ${index + 1}: ${priced.reason} Nothing was started.`);
  return priced.credits;
}

function created(batchId: string, tasks: readonly TaskRecord[]): BatchCreated {
  return {
    batch_id: batchId,
    task_ids: tasks.map((task) => task.id),
    total_price_credits: tasks.reduce((sum, task) => sum + task.priceCredits, 0),
    created_at: new Date(tasks[0]!.createdAt).toISOString(),
  };
}

function batchPath(batchId: string): string {
  return `/api/v1/batches/${batchId}`;
}
