/**
 * `GET /media/{uploads|videos|posters}/{name}`: our stored files, with HTTP Range (players
 * seek), long immutable caching (a name never gets other bytes), and `?download=1` for an
 * attachment with a readable name. Only names in our own shape are served.
 *
 * With media in a bucket the bytes still come through here (GetObject with the Range asked), not
 * by a redirect to a presigned URL: the bucket stays private and need not be reachable from the
 * internet or allow CORS, the browser talks to this origin only (the CSP says so), access is
 * checked here as for every route (the upstream's links carry our own token, access.ts), and
 * the ETag, caching and download name stay ours.
 */
import { Hono, type Context } from 'hono';
import { Readable } from 'node:stream';
import { downloadFileName } from '@/shared/download-name';
import { parseByteRange } from '@/server/http/byte-range';
import { errorBody, HttpError } from '@/server/http/http-error';
import { MEDIA_CONTENT_TYPES, parseMediaPath, type MediaFile, type MediaStorage } from '@/server/media/media-storage';
import type { Services } from '@/server/services';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function mediaRoutes({ media, store }: Services) {
  async function attachmentName(file: MediaFile): Promise<string> {
    if (file.kind === 'uploads') return `${file.stem}.${file.extension}`;
    const task = await store.tasks.get(file.stem);
    if (!task) return `${file.stem}.${file.extension}`;
    const parts = {
      task_id: task.id,
      mode: task.mode,
      duration: task.duration,
      resolution: task.resolution,
      prompt: task.prompt,
      image_name: task.imageName,
    };
    return downloadFileName(parts, file.extension);
  }

  return new Hono().get('/*', async (c) => {
    const file = parseMediaPath(c.req.path.replace(/^\/media\//, ''));
    const stat = file ? await media.stat(file) : null;
    if (!file || !stat) throw new HttpError(404, 'not_found', 'No such file.');

    const etag = stat.etag;
    // If-Range: a client resuming a download of bytes that have since changed gets the whole file.
    const ifRange = c.req.header('If-Range');
    const range = ifRange && ifRange !== etag ? null : parseByteRange(c.req.header('Range'), stat.size);
    if (range === 'unsatisfiable') {
      const message = `The requested range is outside the file (${stat.size} bytes).`;
      return c.json(errorBody('validation_failed', message), 416, { 'Content-Range': `bytes */${stat.size}` });
    }

    c.header('Content-Type', MEDIA_CONTENT_TYPES[file.extension]);
    c.header('Accept-Ranges', 'bytes');
    c.header('Cache-Control', IMMUTABLE);
    c.header('ETag', etag);
    c.header('Last-Modified', stat.modifiedAt.toUTCString());
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.query('download') === '1') {
      c.header('Content-Disposition', `attachment; filename="${await attachmentName(file)}"`);
    }
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    if (range) {
      c.header('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`);
      return stream(c, media, file, range, 206);
    }
    return stream(c, media, file, { start: 0, end: stat.size - 1 }, 200);
  });
}

async function stream(
  c: Context,
  media: MediaStorage,
  file: MediaFile,
  { start, end }: { start: number; end: number },
  status: 200 | 206,
) {
  c.header('Content-Length', String(Math.max(0, end - start + 1)));
  // HEAD gets the headers only; opening the file for it would leave a stream nobody reads.
  if (c.req.method === 'HEAD' || end < start) return c.body(null, status);
  const bytes = await media.read(file, status === 206 ? { start, end } : undefined);
  return c.body(Readable.toWeb(bytes) as ReadableStream<Uint8Array>, status);
}
