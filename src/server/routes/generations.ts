/**
 * `POST /api/v1/videos/generations`: the seed's body, validated with the shared schema, priced
 * by the server, stored, and handed to the tracker. Answers at once; the job is asynchronous.
 * With `Idempotency-Key`, a retried submit answers the first task and never makes a second.
 */
import { Hono, type Context } from 'hono';
import { generationRequestSchema, type GenerationCreated, type GenerationRequest } from '../../shared/contract';
import { DEFAULT_CATALOGUE, findModel, modeOfModel, quote } from '../../shared/pricing';
import { JSON_BODY_LIMIT, limitBody } from '../http/body-limit';
import { requestOrigin } from '../http/request-origin';
import { requireJson } from '../http/require-json';
import { validate } from '../http/validate';
import { generationBodyHash } from './generation-body-hash';
import { HttpError } from '../http-error';
import { looksLikeOwnUpload, ownUpload } from '../images/read-image';
import type { Services } from '../services';
import { newId } from '../store/new-id';
import { InsufficientCreditsError, type TaskRecord } from '../store/tasks-store';

/* A reservation whose request has not finished in this time belonged to one that died. */
const IN_FLIGHT_STALE_MS = 60_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

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
      if (key) {
        const reservation = await store.idempotency.reserve(
          key,
          generationBodyHash(body),
          Date.now(),
          IN_FLIGHT_STALE_MS,
        );
        if (reservation.state === 'replay') {
          const task = await store.tasks.get(reservation.taskId);
          if (task) return c.json(created(task), 202, { 'Idempotent-Replayed': 'true', Location: taskPath(task) });
        }
        if (reservation.state === 'conflict') {
          throw new HttpError(
            422,
            'idempotency_conflict',
            'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
          );
        }
        if (reservation.state === 'in_flight') {
          c.header('Retry-After', '1');
          throw new HttpError(
            409,
            'idempotency_in_flight',
            'A request with this Idempotency-Key is still being processed. Retry with the same key in a moment.',
          );
        }
      }
      try {
        await assertImageIsHere(body.image, requestOrigin(c, config.publicBaseUrl), services);
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

function idempotencyKeyOf(c: Context): string | null {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return null;
  if (!KEY_PATTERN.test(key)) {
    throw new HttpError(
      400,
      'validation_failed',
      'Idempotency-Key must be 1–255 visible ASCII characters (a UUID is a good choice).',
    );
  }
  return key;
}

/* An upload link of ours that no longer has a file would fail later, after the wait: refuse it now. */
async function assertImageIsHere(image: string, origin: string, services: Services): Promise<void> {
  if (new URL(image).origin !== origin || !looksLikeOwnUpload(image)) return;
  if (await ownUpload(image, services.store.uploads)) return;
  throw new HttpError(422, 'image_unreachable', 'That uploaded image is not on this server. Upload it again.');
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
