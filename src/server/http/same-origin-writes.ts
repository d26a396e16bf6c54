/**
 * A request that changes something (POST, PUT, PATCH, DELETE) is refused when a browser says it
 * comes from another site: `Sec-Fetch-Site` other than same-origin/none, or an `Origin` that is
 * not ours. Clients that send neither (curl, SDKs, servers) are not browsers and go ahead, so the
 * seed's curl keeps working. The upstream's webhook is exempt: it is a server with its own secret.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from './http-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TRUSTED_SITES = new Set(['same-origin', 'none']);

function ownOrigins(c: Context, publicBaseUrl: string | null): Set<string> {
  const origins = new Set([new URL(c.req.url).origin]);
  if (publicBaseUrl) origins.add(new URL(publicBaseUrl).origin);
  return origins;
}

export function sameOriginWrites(publicBaseUrl: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.req.path.startsWith('/api/v1/webhooks/')) return next();
    const site = c.req.header('Sec-Fetch-Site');
    const origin = c.req.header('Origin');
    const foreignSite = site !== undefined && !TRUSTED_SITES.has(site.toLowerCase());
    const foreignOrigin = origin !== undefined && !ownOrigins(c, publicBaseUrl).has(origin);
    if (foreignSite || foreignOrigin) {
      return c.json(
        errorBody('forbidden', 'This request came from another website. Use this dashboard or the API directly.'),
        403,
      );
    }
    await next();
  };
}
