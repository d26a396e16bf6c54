import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { IMAGE_LIMITS } from '@/shared/limits';
import { HttpError } from './http-error';

/** Hono's streaming body limit, answering in our error shape. */
export function limitBody(maxBytes: number, what = 'The request body'): MiddlewareHandler {
  const size =
    maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', `${what} is too large: at most ${size}.`);
    },
  });
  // Without either header an HTTP/1.1 request has no body (RFC 9112 §6.3). Asking for
  // `req.raw.body` to find that out makes the adapter build a full Fetch Request on every GET.
  return (c, next) =>
    c.req.header('content-length') === undefined && c.req.header('transfer-encoding') === undefined
      ? next()
      : limit(c, next);
}

/** Every JSON body we accept is small: a prompt of 2000 characters and a few URLs. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** The largest JSON any route takes: twenty links of up to 2048 characters and a prompt of 2000 (up to 4 bytes each in UTF-8). */
export const BATCH_BODY_LIMIT = 128 * 1024;

/* Room for the multipart boundaries and headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** An upload: one image of the largest size we take, as multipart/form-data. */
export const UPLOAD_BODY_LIMIT = IMAGE_LIMITS.maxBytes + MULTIPART_OVERHEAD;
