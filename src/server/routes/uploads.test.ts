/** `POST /api/v1/uploads` and `POST /api/v1/images/inspect`: what is an image is decided from its bytes. */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageInfoSchema } from '@/shared/contract';
import { expectError, getJson, upload } from '../../../tests/support/api-calls';
import { makeTestImage } from '../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
let images: http.Server;
let imagesUrl: string;
let pngBytes: Buffer;

beforeAll(async () => {
  server = await startTestApp();
  pngBytes = await makeTestImage(500, 400, 'png');
  images = http.createServer((req, res) => {
    if (req.url === '/photo.png') return res.writeHead(200, { 'Content-Type': 'image/png' }).end(pngBytes);
    if (req.url === '/page.html') return res.writeHead(200, { 'Content-Type': 'image/png' }).end('<html>hello</html>');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imagesUrl = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
});
afterAll(async () => {
  images.close();
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

function postFile(bytes: Buffer | string, name: string, type: string, field = 'file') {
  const form = new FormData();
  form.set(field, new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), name);
  return server.fetch('/api/v1/uploads', { method: 'POST', body: form });
}

const storedUploads = () => fs.readdirSync(path.join(server.dataDir, 'media', 'uploads'));

/* A PNG whose header claims `width`×`height`: sharp reads the size without decoding a pixel. */
function pngHeader(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('POST /api/v1/uploads', () => {
  it('takes the type from the bytes, not the name or the declared type', async () => {
    const stored = await upload(server, pngBytes, 'holiday.jpg', 'image/jpeg');
    expect(stored).toMatchObject({ content_type: 'image/png', width: 500, height: 400 });
    expect(stored.url).toMatch(new RegExp(`^${server.url}/media/uploads/upl_[0-9a-z]{26}\\.png$`));
    const served = await server.fetch(stored.url);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('png');

    const webp = await upload(server, await makeTestImage(640, 400, 'webp'), 'x.webp', 'image/webp');
    expect(webp.content_type).toBe('image/webp');
  });

  it('re-encodes without metadata, applying the EXIF orientation first', async () => {
    const photo = await sharp(await makeTestImage(640, 400))
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Secret Place', Artist: 'Someone' } } })
      .jpeg()
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const stored = await upload(server, photo);
    expect(stored).toMatchObject({ width: 400, height: 640 });
    const bytes = Buffer.from(await (await server.fetch(stored.url)).arrayBuffer());
    const metadata = await sharp(bytes).metadata();
    expect(metadata).toMatchObject({ width: 400, height: 640 });
    expect(metadata.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('Secret Place'))).toBe(false);
  });

  it.each([
    [
      'an SVG',
      () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600"/>'),
      'image/svg+xml',
    ],
    ['an HTML page named .jpg', () => Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg'],
    [
      'a GIF',
      () =>
        sharp({ create: { width: 400, height: 400, channels: 3, background: '#000' } })
          .gif()
          .toBuffer(),
      'image/gif',
    ],
    ['a too small image', () => makeTestImage(320, 200), 'image/jpeg'],
    ['a too wide image', () => makeTestImage(1200, 400), 'image/jpeg'],
    ['a decompression bomb (header says 30000×30000)', () => pngHeader(30_000, 30_000), 'image/png'],
  ])('refuses %s with 422 upload_invalid and keeps nothing', async (name, make, type) => {
    const before = storedUploads().length;
    const message = await expectError(await postFile(await make(), 'x.jpg', type), 422, 'upload_invalid');
    const why = name.includes('bomb')
      ? /too many pixels/
      : name.includes('too')
        ? /short side|shape/
        : /JPEG, PNG or WebP/;
    expect(message).toMatch(why);
    expect(storedUploads().length).toBe(before);
  });

  it('refuses a missing file field (400), a JSON body (415) and more than 20 MB (413)', async () => {
    await expectError(await postFile(pngBytes, 'x.png', 'image/png', 'image'), 400, 'upload_invalid');
    const json = await server.fetch('/api/v1/uploads', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    await expectError(json, 415, 'unsupported_media_type');
    await expectError(
      await postFile(Buffer.alloc(21 * 1024 * 1024, 1), 'big.jpg', 'image/jpeg'),
      413,
      'payload_too_large',
    );
  });
});

describe('POST /api/v1/images/inspect', () => {
  const inspect = (url: string) =>
    server.fetch('/api/v1/images/inspect', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url }),
    });

  it('describes one of our uploads from the store, and a linked image from its bytes', async () => {
    const stored = await upload(server, await makeTestImage(640, 400));
    const own = imageInfoSchema.parse(await (await inspect(stored.url)).json());
    expect(own).toEqual({
      id: stored.id,
      url: stored.url,
      width: 640,
      height: 400,
      content_type: 'image/jpeg',
      bytes: stored.bytes,
    });
    const linked = await getJson(server, '/api/v1/images/inspect', imageInfoSchema, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: `${imagesUrl}/photo.png` }),
    });
    expect(linked).toEqual({
      id: null,
      url: `${imagesUrl}/photo.png`,
      width: 500,
      height: 400,
      content_type: 'image/png',
      bytes: pngBytes.length,
    });
  });

  it('says clearly when a link is unreachable or not an image', async () => {
    await expectError(await inspect(`${imagesUrl}/missing.png`), 422, 'image_unreachable');
    await expectError(await inspect(`${imagesUrl}/page.html`), 422, 'image_invalid');
    // A private address is refused before any connection is made.
    await expectError(await inspect('http://10.0.0.1/photo.png'), 422, 'image_unreachable');
    await expectError(await inspect('ftp://example.com/photo.png'), 400, 'validation_failed');
  });
});
