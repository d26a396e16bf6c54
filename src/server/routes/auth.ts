/**
 * `/api/v1/auth/session`: the dashboard's sign-in. GET says whether sign-in is needed and done;
 * POST `{password}` checks DASHBOARD_PASSWORD and sets an HttpOnly, SameSite=Strict session
 * cookie (Secure over https); DELETE signs out. A wrong password is a plain 401.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { signInRequestSchema, type SessionState } from '@/shared/auth-contract';
import { JSON_BODY_LIMIT, limitBody } from '@/server/http/body-limit';
import { perMinute } from '@/server/http/rate-limit';
import { requireJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import { HttpError } from '@/server/http/http-error';
import { SESSION_COOKIE } from '@/server/access/require-access';
import type { Services } from '@/server/services';
import { SESSION_TTL_MS } from '@/server/access/sessions';

function isHttps(c: Context, publicBaseUrl: string | null): boolean {
  return new URL(publicBaseUrl ?? c.req.url).protocol === 'https:';
}

export function authRoutes({ access, config, store }: Services) {
  return new Hono()
    .get('/session', (c) => {
      const principal = c.get('principal');
      return c.json({
        required: access.mode === 'required',
        signed_in: access.mode === 'open' || principal !== undefined,
      } satisfies SessionState);
    })
    .post(
      '/session',
      perMinute(store.rateLimits, config.security.rateLimits.signInsPerMin, 'sign-in attempts'),
      limitBody(JSON_BODY_LIMIT),
      requireJson,
      validate('json', signInRequestSchema),
      async (c) => {
        const { password } = c.req.valid('json');
        if (!access.password || !(await access.password.matches(password))) {
          throw new HttpError(401, 'unauthorized', 'That password is not right. Check it and try again.');
        }
        const { token } = await access.sessions.create();
        setCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: isHttps(c, config.publicBaseUrl),
          path: '/',
          maxAge: Math.floor(SESSION_TTL_MS / 1000),
        });
        return c.json({ required: access.mode === 'required', signed_in: true } satisfies SessionState);
      },
    )
    .delete('/session', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await access.sessions.remove(token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ required: access.mode === 'required', signed_in: access.mode === 'open' } satisfies SessionState);
    });
}
