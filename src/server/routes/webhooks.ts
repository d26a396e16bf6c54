/**
 * `POST /api/v1/webhooks/apiinone/{secret}`: API in One telling us a task changed. Only a hint
 * to poll that task now — its state always comes from our own poll — so a duplicated, late,
 * out-of-order or forged call cannot put a task in a wrong state. A wrong secret is a 404.
 */
import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { limitBody } from '@/server/http/body-limit';
import { HttpError } from '@/server/http/http-error';
import type { Services } from '@/server/services';
import { upstreamTaskIdOf } from '@/server/engine/api-in-one/task-answer/read-upstream-task';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function webhookRoutes({ tracker, webhookSecret }: Services) {
  return new Hono().post('/apiinone/:secret', limitBody(64 * 1024), async (c) => {
    if (!sameSecret(c.req.param('secret'), webhookSecret)) throw new HttpError(404, 'not_found', 'No such webhook.');
    const text = await c.req.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Kept as text for support; there is no id to read from it.
    }
    const upstreamTaskId = upstreamTaskIdOf(body);
    const known = upstreamTaskId ? await tracker.hint(upstreamTaskId, body) : false;
    return c.json({ received: true, task_known: known }, 202);
  });
}
