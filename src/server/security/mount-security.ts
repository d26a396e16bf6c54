/**
 * Everything that stands in front of the routes, in order: strict headers on every answer, a
 * body limit on every route, cross-site writes refused, access control, then per-client rate
 * limits and the callback-URL check on the routes that start paid work.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import { backstopBodyLimit } from '@/server/http/backstop-body-limit';
import { rateLimit } from '@/server/http/rate-limit';
import { requireAccess } from '@/server/access/require-access';
import { sameOriginWrites } from '@/server/http/same-origin-writes';
import { securityHeaders } from '@/server/http/security-headers';
import type { Services } from '@/server/services';
import { refuseUnsafeCallbackUrls } from '@/server/callbacks/callback-url-guard';

/* A person's pace: a burst of two thirds of a minute's allowance, then the steady rate. */
function perMinute(limit: number, what: string): MiddlewareHandler | null {
  if (limit === 0) return null;
  return rateLimit({ capacity: Math.max(1, Math.round((limit * 2) / 3)), refillPerSecond: limit / 60, what });
}

function onPost(app: Hono, path: string, ...handlers: (MiddlewareHandler | null)[]) {
  for (const handler of handlers) {
    if (handler) app.use(path, (c, next) => (c.req.method === 'POST' ? handler(c, next) : next()));
  }
}

export function mountSecurity(app: Hono, { config, access, isAllowedAddress }: Services): void {
  const limits = config.security.rateLimits;
  app.use('*', securityHeaders());
  app.use('*', backstopBodyLimit());
  app.use('*', sameOriginWrites(config.publicBaseUrl));
  app.use('*', requireAccess(access));
  onPost(
    app,
    '/api/v1/videos/generations',
    perMinute(limits.submitsPerMin, 'video requests'),
    refuseUnsafeCallbackUrls(isAllowedAddress),
  );
  onPost(
    app,
    '/api/v1/batches',
    perMinute(limits.batchesPerMin, 'batches'),
    refuseUnsafeCallbackUrls(isAllowedAddress),
  );
  onPost(app, '/api/v1/uploads', perMinute(limits.uploadsPerMin, 'uploads'));
  onPost(app, '/api/v1/auth/session', perMinute(limits.signInsPerMin, 'sign-in attempts'));
}
