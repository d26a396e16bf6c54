/**
 * A body limit on every route, in front of the routes' own tighter ones: an upload may be an
 * image's size, anything else at most a batch's JSON. A route added later without a limit of
 * its own (or a GET sent with a body) still cannot be made to buffer megabytes.
 */
import type { MiddlewareHandler } from 'hono';
import { BATCH_BODY_LIMIT, limitBody, UPLOAD_BODY_LIMIT } from './body-limit';

export function backstopBodyLimit(): MiddlewareHandler {
  const upload = limitBody(UPLOAD_BODY_LIMIT, 'The image');
  const other = limitBody(BATCH_BODY_LIMIT);
  return (c, next) => (c.req.path === '/api/v1/uploads' ? upload : other)(c, next);
}
