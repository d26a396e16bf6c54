/**
 * `POST /api/v1/videos/generations`: the seed's body, validated with the shared schema, priced
 * by the server, stored, and handed to the tracker. Answers at once; the job is asynchronous.
 * With `Idempotency-Key`, a retried submit answers the first task and never makes a second.
 */
import { Hono } from 'hono';
import { generationRequestSchema, type GenerationCreated, type GenerationRequest } from '@/shared/contract';
import { DEFAULT_CATALOGUE, findModel, modeOfModel, quote } from '@/shared/pricing';
import { JSON_BODY_LIMIT, limitBody } from '@/server/http/body-limit';
import { requestOrigin } from '@/server/http/request-origin';
import { requireJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import { generationBodyHash } from '@/server/tasks/generation-body-hash';
import { idempotencyKeyOf, reserveIdempotencyKey } from '@/server/tasks/idempotency-key';
import { HttpError } from '@/server/http/http-error';
import { isMissingOwnUpload } from '@/server/images/missing-own-upload';
import type { Services } from '@/server/services';
import { newId } from '@/server/store/new-id';
import { InsufficientCreditsError, type TaskRecord } from '@/server/store/tasks-store';

export function generationRoutes(services: Services) {
  const { store, engine, tracker, config } = services;

  return new Hono().post(
    '/',
    limitBody(JSON_BODY_LIMIT),
    requireJson,
    validate('json', generationRequestSchema),
    async (c) => {
      const body = c.req.valid('json');
      const price = priceOf(body);
      const key = idempotencyKeyOf(c);
      const earlier = key ? await reserveIdempotencyKey(c, store.idempotency, key, generationBodyHash(body)) : null;
      if (earlier) {
        const task = await store.tasks.get(earlier);
        if (task) return c.json(created(task), 202, { 'Idempotent-Replayed': 'true', Location: taskPath(task) });
      }
      try {
        if (await isMissingOwnUpload(body.image, requestOrigin(c, config.publicBaseUrl), store.uploads))
          throw new HttpError(422, 'image_unreachable', 'That uploaded image is not on this server. Upload it again.');
        const now = Date.now();
        const task = await store.tasks.create(
          {
            id: newId('tsk', now),
            engine: engine.name,
            model: body.model,
            modelId: findModel(DEFAULT_CATALOGUE, body.model)!.id,
            mode: modeOfModel(body.model)!,
            prompt: body.prompt,
            image: body.image,
            duration: body.duration,
            resolution: body.resolution,
            priceCredits: price,
            callbackUrl: body.callback_url ?? null,
            batchId: null,
            idempotencyKey: key,
            createdAt: now,
          },
          { checkCredits: engine.simulated },
        );
        tracker.wake();
        return c.json(created(task), 202, { Location: taskPath(task) });
      } catch (error) {
        // A refused request leaves nothing behind: no task, no charge, and the key free to use again.
        if (key) await store.idempotency.release(key);
        if (error instanceof InsufficientCreditsError) {
          throw new HttpError(
            402,
            'insufficient_credits',
            `Not enough credits: this video costs ${error.needed} and ${Math.max(0, error.available)} are available (the balance less tasks still running).`,
            { needed: error.needed, available: error.available },
          );
        }
        throw error;
      }
    },
  );
}

function priceOf(body: GenerationRequest): number {
  const priced = quote(DEFAULT_CATALOGUE, body);
  if (!priced.ok) throw new HttpError(priced.code === 'unknown_model' ? 400 : 422, priced.code, priced.reason);
  return priced.credits;
}

function created(task: TaskRecord): GenerationCreated {
  return {
    task_id: task.id,
    status: task.status,
    model: task.model,
    price_credits: task.priceCredits,
    created_at: new Date(task.createdAt).toISOString(),
  };
}

function taskPath(task: TaskRecord): string {
  return `/api/v1/tasks/${task.id}`;
}
