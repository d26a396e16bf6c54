/**
 * Streams a body to a file without ever leaving a partial file behind: bytes go to a temporary
 * file beside the target, which is renamed into place only when complete and within the cap.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

class CapExceeded extends Error {}

export type SaveResult = { saved: true; bytes: number } | { saved: false; bytesSeen: number };

export async function saveStream(
  body: ReadableStream<Uint8Array>,
  filePath: string,
  maxBytes: number,
): Promise<SaveResult> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const tempPath = `${filePath}.${randomUUID()}.part`;
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.byteLength;
      done(bytes > maxBytes ? new CapExceeded() : null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
      counter,
      createWriteStream(tempPath, { flags: 'wx' }),
    );
    await rename(tempPath, filePath);
    return { saved: true, bytes };
  } catch (error) {
    await rm(tempPath, { force: true });
    if (error instanceof CapExceeded) return { saved: false, bytesSeen: bytes };
    throw error;
  }
}
