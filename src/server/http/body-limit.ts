import { bodyLimit } from 'hono/body-limit';
import { HttpError } from '../http-error';

/** Hono's streaming body limit, answering in our error shape. */
export function limitBody(maxBytes: number, what = 'The request body') {
  const size =
    maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpError(413, 'payload_too_large', `${what} is too large: at most ${size}.`);
    },
  });
}

/** Every JSON body we accept is small: a prompt of 5000 characters and a few URLs. */
export const JSON_BODY_LIMIT = 64 * 1024;
