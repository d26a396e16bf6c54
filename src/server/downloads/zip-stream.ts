/**
 * A ZIP written while it is sent: each file is read in chunks and passed on, so a batch of
 * twenty 1080P videos never sits in memory. MP4s are stored as they are (STORE: already
 * compressed, deflating them again costs CPU and saves nothing); text files are deflated.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { Readable } from 'node:stream';

export interface ZipEntry {
  name: string;
  mtime: Date;
  /** Deflate this entry (text); leave false for media that is already compressed. */
  compress: boolean;
  chunks: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/*
 * fflate's Zip calls back synchronously as data is pushed, so the output of each push is
 * collected and yielded before the next chunk is read: the socket's pace sets the reading pace.
 */
async function* zipChunks(entries: readonly ZipEntry[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  function* drain(): Generator<Uint8Array> {
    if (failure) throw failure;
    while (ready.length) yield ready.shift()!;
  }

  for (const entry of entries) {
    const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name);
    file.mtime = entry.mtime;
    zip.add(file);
    for await (const chunk of entry.chunks()) {
      file.push(chunk);
      yield* drain();
    }
    file.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

export function zipStream(entries: readonly ZipEntry[]): ReadableStream<Uint8Array> {
  return Readable.toWeb(Readable.from(zipChunks(entries), { objectMode: false })) as ReadableStream<Uint8Array>;
}
