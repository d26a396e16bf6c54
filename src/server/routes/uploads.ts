/**
 * `POST /api/v1/uploads`: one image — or a montage's soundtrack (MP3, M4A, WAV), told apart by its
 * bytes — as multipart/form-data, field `file`; answers 201 with its absolute URL.
 */
import { Hono } from 'hono';
import type { Upload } from '@/shared/contract';
import type { AudioUpload } from '@/shared/montage-contract';
import { IMAGE_LIMITS } from '@/shared/limits';
import { photoNameOf } from '@/shared/photo-name';
import { limitBody, UPLOAD_BODY_LIMIT } from '@/server/http/body-limit';
import { perMinute } from '@/server/http/rate-limit';
import { requestOrigin } from '@/server/http/request-origin';
import { HttpError } from '@/server/http/http-error';
import { ImageRefusal } from '@/server/images/image-refusal';
import { storeUpload } from '@/server/images/store-upload';
import { looksLikeAudio } from '@/server/audio/sniff-audio';
import { AudioRefusal } from '@/server/audio/probe-audio';
import { storeAudioUpload } from '@/server/audio/store-audio-upload';
import type { Services } from '@/server/services';

export function uploadRoutes({ store, media, config, access }: Services) {
  const perClient = perMinute(store.rateLimits, config.security.rateLimits.uploadsPerMin, 'uploads');
  return new Hono().post('/', perClient, limitBody(UPLOAD_BODY_LIMIT, 'The image'), async (c) => {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mediaType !== 'multipart/form-data') {
      throw new HttpError(
        415,
        'unsupported_media_type',
        'Send the image as multipart/form-data in a field named "file".',
      );
    }
    let file: unknown;
    try {
      file = (await c.req.parseBody())['file'];
    } catch {
      throw new HttpError(400, 'upload_invalid', 'The upload could not be read as multipart/form-data.');
    }
    if (!(file instanceof File)) {
      throw new HttpError(400, 'upload_invalid', 'Send the image in a multipart field named "file".');
    }
    if (file.size > IMAGE_LIMITS.maxBytes) {
      throw new HttpError(
        413,
        'payload_too_large',
        `The image is too large: at most ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB.`,
      );
    }
    const bytes = Buffer.from(await file.arrayBuffer());
    const origin = requestOrigin(c, config.publicBaseUrl);
    if (looksLikeAudio(bytes)) {
      try {
        const audio = await storeAudioUpload(bytes, media, origin, async (stored) => {
          await store.uploads.insert(stored);
          return stored;
        });
        const { id, url, contentType, durationS } = audio;
        return c.json(
          { id, url, content_type: contentType, bytes: audio.bytes, duration_s: durationS } as AudioUpload,
          201,
        );
      } catch (error) {
        if (error instanceof AudioRefusal) throw new HttpError(422, 'upload_invalid', error.message);
        throw error;
      }
    }
    try {
      const upload = await storeUpload(bytes, media, origin, async (stored) => {
        // With access required, the link carries its own token so API in One can fetch the image.
        const shared = {
          ...stored,
          originalName: photoNameOf(file.name),
          url: access.shareableUrl(stored.url, `uploads/${stored.fileName}`),
        };
        await store.uploads.insert(shared);
        return shared;
      });
      return c.json(
        {
          id: upload.id,
          url: upload.url,
          width: upload.width,
          height: upload.height,
          content_type: upload.contentType,
          bytes: upload.bytes,
          name: upload.originalName,
        } satisfies Upload,
        201,
      );
    } catch (error) {
      if (error instanceof ImageRefusal) throw new HttpError(422, error.code, error.message);
      throw error;
    }
  });
}
