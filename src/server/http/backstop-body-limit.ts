/**
 * A body limit on every route, in front of the routes' own tighter ones: an upload may be an
 * image's size, anything else at most a batch's JSON. A route added later without a limit of
 * its own (or a GET sent with a body) still cannot be made to buffer megabytes.
 */
import type { MiddlewareHandler } from 'hono';
import { limitBody } from './body-limit';
import { UPLOAD_BODY_LIMIT } from '@/server/routes/uploads';

/* The largest JSON any route takes: a batch of twenty links and a 5000-character prompt. */
export const BACKSTOP_BODY_LIMIT = 128 * 1024;

export function backstopBodyLimit(): MiddlewareHandler {
  const upload = limitBody(UPLOAD_BODY_LIMIT, 'The image');
  const other = limitBody(BACKSTOP_BODY_LIMIT);
  return (c, next) => (c.req.path === '/api/v1/uploads' ? upload : other)(c, next);
}
