/**
 * JSON routes take `application/json` only (415 otherwise) and answer malformed JSON with
 * 400 `invalid_json`. The parsed body is cached by Hono, so zValidator reads it again for free.
 */
import { createMiddleware } from 'hono/factory';
import { HttpError } from './http-error';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

export const requireJson = createMiddleware(async (c, next) => {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
  if (!JSON_TYPE.test(mediaType)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Send the body as JSON with "Content-Type: application/json"${mediaType ? ` (got "${mediaType}")` : ''}.`,
    );
  }
  try {
    await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON. Check for a missing quote, comma or brace.');
  }
  await next();
});

/** For a route whose body may be left out: with none (no JSON Content-Type) it validates as `{}`; one sent is checked as above. */
export const optionalJson = createMiddleware(async (c, next) => {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
  const length = Number(c.req.header('Content-Length') ?? '0');
  if (!mediaType && !(length > 0)) return next();
  return requireJson(c, next);
});
