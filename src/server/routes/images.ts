/** `POST /api/v1/images/inspect`: checks a linked image before a job is submitted — reachable, type, size, dimensions. */
import { Hono } from 'hono';
import { imageInspectRequestSchema, type ImageInfo } from '../../shared/contract';
import { JSON_BODY_LIMIT, limitBody } from '../http/body-limit';
import { requestOrigin } from '../http/request-origin';
import { requireJson } from '../http/require-json';
import { validate } from '../http/validate';
import { HttpError } from '../http-error';
import { checkImage } from '../images/check-image';
import { ImageRefusal } from '../images/image-refusal';
import { readImage } from '../images/read-image';
import type { Services } from '../services';

export function imageRoutes({ images, config }: Services) {
  return new Hono().post(
    '/inspect',
    limitBody(JSON_BODY_LIMIT),
    requireJson,
    validate('json', imageInspectRequestSchema),
    async (c) => {
      const { url } = c.req.valid('json');
      try {
        const { bytes, upload } = await readImage(url, images, requestOrigin(c, config.publicBaseUrl));
        if (upload) {
          const { id, width, height, contentType, bytes: size } = upload;
          return c.json({ id, url, width, height, content_type: contentType, bytes: size } satisfies ImageInfo);
        }
        const facts = await checkImage(bytes, 'image_invalid');
        return c.json({
          id: null,
          url,
          width: facts.width,
          height: facts.height,
          content_type: facts.contentType,
          bytes: bytes.length,
        } satisfies ImageInfo);
      } catch (error) {
        if (error instanceof ImageRefusal) throw new HttpError(422, error.code, error.message);
        throw error;
      }
    },
  );
}
