/**
 * Uploads are judged by their bytes and stored re-encoded under a random name: polyglots and
 * damaged files are refused, metadata such as GPS is gone, and the size cap holds for a body
 * streamed without a Content-Length.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, upload } from '../support/api-calls';
import { rawRequest } from '../support/raw-request';
import { makeTestImage } from '../support/test-image';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let jpeg: Buffer;
let png: Buffer;

beforeAll(async () => {
  server = await startTestServer();
  jpeg = await makeTestImage(640, 400, 'jpeg');
  png = await makeTestImage(640, 400, 'png');
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const storedUploads = () => fs.readdirSync(path.join(server.dataDir, 'media', 'uploads'));

function postFile(bytes: Buffer, name = 'photo.jpg', type = 'image/jpeg') {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return server.fetch('/api/v1/uploads', { method: 'POST', body: form });
}

const SCRIPT = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

describe('uploads refused by their bytes', () => {
  it.each([
    ['a JPEG header followed by HTML and script', () => Buffer.concat([jpeg.subarray(0, 600), SCRIPT])],
    ['a whole JPEG with a script appended', () => Buffer.concat([jpeg, SCRIPT])],
    ['a PNG with a script in a text chunk', () => Buffer.concat([png.subarray(0, 33), SCRIPT, png.subarray(33)])],
    ['a truncated JPEG', () => jpeg.subarray(0, Math.floor(jpeg.length * 0.6))],
    ['a truncated PNG', () => png.subarray(0, Math.floor(png.length * 0.6))],
    ['nothing at all', () => Buffer.alloc(0)],
  ])('refuses %s with 422 upload_invalid and stores nothing', async (_name, make) => {
    const before = storedUploads().length;
    const message = await expectError(await postFile(make()), 422, 'upload_invalid');
    expect(message).toMatch(/JPEG, PNG or WebP/);
    expect(storedUploads().length).toBe(before);
  });
});

describe('what is stored', () => {
  it('drops EXIF, including the GPS position', async () => {
    const photo = await sharp(jpeg)
      .withExif({
        IFD0: { Artist: 'Someone At Home' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2990/100', GPSMapDatum: 'WGS-84-HOME' },
      })
      .jpeg()
      .toBuffer();
    const exifIn = (await sharp(photo).metadata()).exif;
    expect(exifIn?.includes(Buffer.from('WGS-84-HOME'))).toBe(true);

    const stored = await upload(server, photo);
    const bytes = Buffer.from(await (await server.fetch(stored.url)).arrayBuffer());
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();
    for (const secret of ['WGS-84-HOME', 'Someone At Home', 'GPS'])
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });

  it('names files at random, never after the name the client sent', async () => {
    const first = await upload(server, jpeg, '../../../etc/passwd.jpg');
    const second = await upload(server, jpeg, '../../../etc/passwd.jpg');
    expect(first.url).not.toBe(second.url);
    for (const { url } of [first, second]) {
      expect(new URL(url).pathname).toMatch(/^\/media\/uploads\/upl_[0-9a-z]{26}\.jpg$/);
    }
    expect(storedUploads().every((name) => /^upl_[0-9a-z]{26}\.(jpg|png|webp)$/.test(name))).toBe(true);
  });
});

describe('the size cap', () => {
  it('stops a body streamed without Content-Length once it passes the limit', async () => {
    const before = storedUploads().length;
    const boundary = 'x-boundary';
    async function* body() {
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      );
      yield jpeg.subarray(0, 100);
      // 22 MB in 256 KB pieces, more than the 20 MB image limit plus the multipart allowance.
      for (let i = 0; i < 88; i++) yield Buffer.alloc(256 * 1024, 0x41);
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    }
    const response = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/v1/uploads',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Transfer-Encoding': 'chunked' },
      body: Readable.from(body()),
      timeoutMs: 30_000,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(storedUploads().length).toBe(before);
    expect((await server.fetch('/api/health')).status).toBe(200);
  });

  it('refuses at once a Content-Length over the limit, before reading the body', async () => {
    const response = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/v1/uploads',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(30 * 1024 * 1024) },
      body: '--x\r\n',
    });
    expect(response.status).toBe(413);
  });
});
