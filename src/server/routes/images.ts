/** `POST /api/v1/images/inspect`: checks a linked image before a job is submitted — reachable, type, size, dimensions. */
import { Hono } from 'hono';
import { imageInspectRequestSchema, type ImageInfo } from '@/shared/contract';
import { JSON_BODY_LIMIT, limitBody } from '@/server/http/body-limit';
import { requestOrigin } from '@/server/http/request-origin';
import { requireJson } from '@/server/http/require-json';
import { validate } from '@/server/http/validate';
import { HttpError } from '@/server/http/http-error';
import { checkImage } from '@/server/images/check-image';
import { ImageRefusal } from '@/server/images/image-refusal';
import { readImage } from '@/server/images/read-image';
import type { Services } from '@/server/services';

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
