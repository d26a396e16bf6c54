/**
 * `POST /api/v1/batches`: one prompt, up to 20 images × up to 4 variants, each a task of its
 * own, all made in one transaction under one batch id — or none at all when any part is refused
 * (a combination not offered, a missing upload, not enough credits for the total). With
 * `Idempotency-Key`, a retried batch answers the first one and makes nothing more (the start
 * path is tasks/start-tasks.ts, shared with the single video).
 * `GET /api/v1/batches/{id}`: its tasks, counts per status, overall progress and spend.
 * `POST /api/v1/batches/{id}/retry-failed`: its failed tasks made again, once (tasks/retry-failed.ts).
 */
import { Hono } from 'hono';
import { batchRequestSchema, type BatchCreated, type BatchRetry, type BatchVariant } from '@/shared/batch-contract';
import { DEFAULT_CATALOGUE, quote } from '@/shared/pricing';
import { BATCH_BODY_LIMIT, limitBody } from '@/server/http/body-limit';
import { refuseUnsafeLinks } from '@/server/http/refuse-unsafe-links';
import { HttpError } from '@/server/http/http-error';
import { perMinute } from '@/server/http/rate-limit';
import { requestOrigin } from '@/server/http/request-origin';
import { requireJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import type { Services } from '@/server/services';
import type { TaskRecord } from '@/server/store/tasks-store';
import { toBatchJson } from '@/server/tasks/batch-json';
import { retryFailed } from '@/server/tasks/retry-failed';
import { startTasks, type StartRefusals } from '@/server/tasks/start-tasks';
import { tasksOfBatch } from '@/server/tasks/tasks-of-batch';

export function batchRoutes(services: Services) {
  const { store, engine, config } = services;

  return new Hono()
    .post(
      '/',
      perMinute(store.rateLimits, config.security.rateLimits.batchesPerMin, 'batches'),
      refuseUnsafeLinks(services),
      limitBody(BATCH_BODY_LIMIT),
      requireJson,
      validate('json', batchRequestSchema),
      async (c) => {
        const body = c.req.valid('json');
        const variants = body.variants.map((variant, index) => ({
          ...variant,
          priceCredits: priceOfVariant(variant, index),
        }));
        const { batchId, tasks, replayed } = await startTasks(
          c,
          services,
          {
            body,
            prompt: body.prompt,
            images: body.images,
            variants,
            callbackUrl: body.callback_url ?? null,
            batch: true,
          },
          refusalsFor(body.images.length * body.variants.length),
        );
        const headers = { ...(replayed && { 'Idempotent-Replayed': 'true' }), Location: batchPath(batchId!) };
        return c.json(created(batchId!, tasks), 201, headers);
      },
    )
    .post('/:id/retry-failed', async (c) => {
      const { batchId, created, earlier } = await retryFailed(
        services,
        c.req.param('id'),
        requestOrigin(c, config.publicBaseUrl),
      );
      const body: BatchRetry = {
        batch_id: batchId,
        created_task_ids: created.map((task) => task.id),
        earlier_task_ids: earlier.map((task) => task.id),
      };
      return c.json(body, created.length ? 201 : 200);
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const tasks = id.length <= 100 ? await tasksOfBatch(store.tasks, id) : [];
      if (!tasks.length) throw new HttpError(404, 'not_found', `No batch with id "${id.slice(0, 100)}".`);
      return c.json(toBatchJson(id, tasks, requestOrigin(c, config.publicBaseUrl), engine.typicalDurationMs));
    });
}

function refusalsFor(videos: number): StartRefusals {
  return {
    missingUpload: (index) =>
      new HttpError(
        422,
        'image_unreachable',
        `Image ${index + 1} is an upload that is no longer on this server. Upload it again; nothing was started.`,
      ),
    notEnoughCredits: (error) =>
      new HttpError(
        402,
        'insufficient_credits',
        `Not enough credits for this batch: its ${videos} videos cost ${error.needed} in all and ${Math.max(0, error.available)} are available (the balance less tasks still running). Nothing was started.`,
        { needed: error.needed, available: error.available },
      ),
  };
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
