/**
 * When access is required, every API and media request carries a dashboard session cookie or an
 * API key (`Authorization: Bearer aio_…`); a missing, wrong or revoked one is the same 401, with
 * no hint which part was wrong; `/metrics` too. Left open: the health check, signing in, the upstream's webhook
 * (it has its own secret), the page itself, and one upload read with its own media token.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Access } from './access';
import { errorBody } from '@/server/http/http-error';

export type Principal = { kind: 'open' } | { kind: 'key'; id: string } | { kind: 'session' };

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
  }
}

export const SESSION_COOKIE = 'hailuo_session';

const PUBLIC_API = [/^\/api\/health\/?$/, /^\/api\/v1\/auth\/session\/?$/, /^\/api\/v1\/webhooks\/apiinone\/[^/]+$/];

export const UNAUTHORIZED_MESSAGE =
  'Sign in to the dashboard, or send an API key this server issued as "Authorization: Bearer aio_…".';

function bearerOf(c: Context): string | null | undefined {
  const header = c.req.header('Authorization');
  if (header === undefined) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match ? match[1]! : null;
}

async function identify(c: Context, access: Access): Promise<Principal | null> {
  const bearer = bearerOf(c);
  // A key that was sent decides on its own: a wrong key is refused even beside a good cookie.
  if (bearer !== undefined) {
    const id = bearer ? await access.keys.verify(bearer) : null;
    return id ? { kind: 'key', id } : null;
  }
  const session = getCookie(c, SESSION_COOKIE);
  return session && (await access.sessions.isValid(session)) ? { kind: 'session' } : null;
}

/* Prometheus' path, outside /api by convention, and as closed as the API. */
const isMetrics = (path: string) => /^\/metrics(\/|$)/i.test(path);

function isPublic(c: Context, access: Access): boolean {
  const path = c.req.path;
  if (!path.startsWith('/api/') && path !== '/api' && !path.startsWith('/media/') && !isMetrics(path)) return true;
  if (PUBLIC_API.some((pattern) => pattern.test(path))) return true;
  const token = c.req.query('t');
  const upload = /^\/media\/(uploads\/[^/]+)$/.exec(path);
  return Boolean(upload && token && access.isMediaToken(upload[1]!, token));
}

export function requireAccess(access: Access): MiddlewareHandler {
  return async (c, next) => {
    if (access.mode === 'open') {
      c.set('principal', { kind: 'open' });
      return next();
    }
    const principal = await identify(c, access);
    if (principal) c.set('principal', principal);
    else if (!isPublic(c, access)) {
      return c.json(errorBody('unauthorized', UNAUTHORIZED_MESSAGE), 401, { 'WWW-Authenticate': 'Bearer' });
    }
    await next();
  };
}
