/**
 * `POST /api/v1/montages` (finished clips into one video, issue 21), `GET /api/v1/montages/{id}`
 * and `GET /api/v1/montages`. A montage is checked whole before it is stored (every clip a
 * finished video of ours, every trim inside its clip), answered 202 at once and rendered by the
 * montage worker. With `Idempotency-Key`, a retry answers the first montage. It costs no credits.
 */
import { Hono } from 'hono';
import { montageRequestSchema, type MontageCreated, type MontageList } from '@/shared/montage-contract';
import { JSON_BODY_LIMIT, limitBody } from '@/server/http/body-limit';
import { HttpError } from '@/server/http/http-error';
import { perMinute } from '@/server/http/rate-limit';
import { requestOrigin } from '@/server/http/request-origin';
import { requireJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import { montageBodyHash, toMontageJson } from '@/server/montages/montage-json';
import { planMontage } from '@/server/montages/plan-montage';
import type { Services } from '@/server/services';
import { newId } from '@/server/store/new-id';
import { idempotencyKeyOf } from '@/server/tasks/idempotency-key';

const LIST_LIMIT = 50;

export function montageRoutes(services: Services) {
  const { store, config } = services;
  return new Hono()
    .post(
      '/',
      perMinute(store.rateLimits, config.security.rateLimits.submitsPerMin, 'montage requests'),
      limitBody(JSON_BODY_LIMIT),
      requireJson,
      validate('json', montageRequestSchema),
      async (c) => {
        const body = c.req.valid('json');
        const key = idempotencyKeyOf(c);
        const spec = await planMontage(store, body);
        const now = Date.now();
        const creation = await store.montages.create({
          id: newId('mon', now),
          spec,
          idempotency: key ? { key, bodyHash: montageBodyHash(body) } : null,
          createdAt: now,
        });
        if (creation.state === 'conflict') {
          throw new HttpError(
            422,
            'idempotency_conflict',
            'This Idempotency-Key was already used with a different montage. Use a new key for a new montage.',
          );
        }
        if (creation.state === 'created') services.montages.wake();
        const { montage } = creation;
        return c.json({ montage_id: montage.id, status: montage.status } satisfies MontageCreated, 202, {
          ...(creation.state === 'replay' && { 'Idempotent-Replayed': 'true' }),
          Location: `/api/v1/montages/${montage.id}`,
        });
      },
    )
    .get('/', async (c) => {
      const origin = requestOrigin(c, config.publicBaseUrl);
      const montages = await store.montages.list(LIST_LIMIT);
      return c.json({ montages: montages.map((m) => toMontageJson(m, origin)) } satisfies MontageList);
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const montage = await store.montages.get(id);
      if (!montage) throw new HttpError(404, 'not_found', `No montage with id "${id.slice(0, 200)}".`);
      return c.json(toMontageJson(montage, requestOrigin(c, config.publicBaseUrl)));
    });
}
