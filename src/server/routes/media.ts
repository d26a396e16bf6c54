/**
 * `GET /media/{uploads|videos|posters}/{name}`: our stored files, with HTTP Range (players
 * seek), long immutable caching (a name never gets other bytes), and `?download=1` for an
 * attachment with a readable name. Only names in our own shape are served.
 */
import { Hono, type Context } from 'hono';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { downloadFileName } from '@/shared/download-name';
import { parseByteRange } from '@/server/http/byte-range';
import { errorBody, HttpError } from '@/server/http/http-error';
import { MEDIA_CONTENT_TYPES, type MediaFile } from '@/server/media/media-storage';
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
    const file = media.parse(c.req.path.replace(/^\/media\//, ''));
    const stat = file ? await fs.promises.stat(file.absolutePath).catch(() => null) : null;
    if (!file || !stat?.isFile()) throw new HttpError(404, 'not_found', 'No such file.');

    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
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
    c.header('Last-Modified', stat.mtime.toUTCString());
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.query('download') === '1') {
      c.header('Content-Disposition', `attachment; filename="${await attachmentName(file)}"`);
    }
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    if (range) {
      c.header('Content-Range', `bytes ${range.start}-${range.end}/${stat.size}`);
      return stream(c, file.absolutePath, range.start, range.end, 206);
    }
    return stream(c, file.absolutePath, 0, stat.size - 1, 200);
  });
}

function stream(c: Context, filePath: string, start: number, end: number, status: 200 | 206) {
  c.header('Content-Length', String(Math.max(0, end - start + 1)));
  // HEAD gets the headers only; opening the file for it would leave a stream nobody reads.
  if (c.req.method === 'HEAD' || end < start) return c.body(null, status);
  const body = Readable.toWeb(fs.createReadStream(filePath, { start, end })) as ReadableStream<Uint8Array>;
  return c.body(body, status);
}
