/**
 * `POST /api/v1/videos/generations`: the seed's body, validated with the shared schema, priced
 * by the server, and started as a batch of one (tasks/start-tasks.ts: stored, handed to the
 * tracker). Answers at once; the job is asynchronous. With `Idempotency-Key`, a retried submit
 * answers the first task and never makes a second.
 */
import { Hono } from 'hono';
import { generationRequestSchema, type GenerationCreated, type GenerationRequest } from '@/shared/contract';
import { DEFAULT_CATALOGUE, quote } from '@/shared/pricing';
import { JSON_BODY_LIMIT, limitBody } from '@/server/http/body-limit';
import { refuseUnsafeLinks } from '@/server/http/refuse-unsafe-links';
import { HttpError } from '@/server/http/http-error';
import { perMinute } from '@/server/http/rate-limit';
import { requireJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import type { Services } from '@/server/services';
import type { TaskRecord } from '@/server/store/tasks-store';
import { startTasks, type StartRefusals } from '@/server/tasks/start-tasks';

const refusals: StartRefusals = {
  missingUpload: () =>
    new HttpError(422, 'image_unreachable', 'That uploaded image is not on this server. Upload it again.'),
  notEnoughCredits: (error) =>
    new HttpError(
      402,
      'insufficient_credits',
      `Not enough credits: this video costs ${error.needed} and ${Math.max(0, error.available)} are available (the balance less tasks still running).`,
      { needed: error.needed, available: error.available },
    ),
};

export function generationRoutes(services: Services) {
  const { config } = services;
  return new Hono().post(
    '/',
    perMinute(services.store.rateLimits, config.security.rateLimits.submitsPerMin, 'video requests'),
    refuseUnsafeLinks(services),
    limitBody(JSON_BODY_LIMIT),
    requireJson,
    validate('json', generationRequestSchema),
    async (c) => {
      const body = c.req.valid('json');
      const { model, duration, resolution } = body;
      const variant = { model, duration, resolution, priceCredits: priceOf(body) };
      const { tasks, replayed } = await startTasks(
        c,
        services,
        {
          body,
          prompt: body.prompt,
          images: [body.image],
          variants: [variant],
          callbackUrl: body.callback_url ?? null,
          batch: false,
        },
        refusals,
      );
      const task = tasks[0]!;
      return c.json(created(task), 202, {
        ...(replayed && { 'Idempotent-Replayed': 'true' }),
        Location: taskPath(task),
      });
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
