/**
 * Names every request: the id a reverse proxy in front already gave it (`X-Request-Id`, when it
 * looks like one), else a new one. It is sent back as `X-Request-Id` and is on every log line
 * written while the request is answered (request-context.ts), so a person quoting it from a
 * failed call, or the proxy's own log, finds the lines of any server that answered.
 */
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '@/server/logger';
import { runInRequest } from '@/server/request-context';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/* Anything else a client sends is replaced: it goes into every log line of the request. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestId(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header(REQUEST_ID_HEADER);
    const id = given && ACCEPTED_ID.test(given) ? given : `req_${randomBytes(9).toString('base64url')}`;
    const started = performance.now();
    c.header(REQUEST_ID_HEADER, id);
    await runInRequest({ requestId: id }, async () => {
      await next();
      // Again on the answer itself, for a route that made its own Response.
      if (!c.res.headers.has(REQUEST_ID_HEADER)) c.header(REQUEST_ID_HEADER, id);
      // The path alone: a query may carry a media token.
      log.debug('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    });
  };
}
