import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../../../../tests/fakes/fake-upstream';
import { CANARY_KEY, failureOf, makeTestClient } from '../../../../tests/support/test-client';
import { UpstreamError } from './upstream-error';

const VIDEO_PATH = '/files/clip.mp4';
const video = randomBytes(300 * 1024);
const mp4 = { 'content-type': 'video/mp4' };

let fake: FakeUpstream;
let dir: string;
beforeAll(async () => {
  fake = await FakeUpstream.start();
});
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(path.join(tmpdir(), 'aio-download-'));
  return () => rm(dir, { recursive: true, force: true });
});

const target = () => path.join(dir, 'videos', 'task-1.mp4');

async function downloadFailure(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await failureOf(call);
  expect(error).toBeInstanceOf(UpstreamError);
  expect((error as Error).message).not.toContain(CANARY_KEY);
  // Nothing is left behind: no target, no temporary part file.
  expect(await listFiles(dir)).toEqual([]);
  return error as UpstreamError;
}

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('downloadToFile', () => {
  it('streams the bytes to the file and reports size and type', async () => {
    fake.on('GET', VIDEO_PATH, { body: video, headers: mp4 });
    const { client } = makeTestClient(fake.baseUrl);

    const result = await client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}?sig=abc`, target());

    expect(result).toEqual({ bytes: video.length, contentType: 'video/mp4' });
    expect((await readFile(target())).equals(video)).toBe(true);
    expect(await listFiles(dir)).toEqual(['task-1.mp4']);
  });

  it('refuses a file over the cap it declares, without saving anything', async () => {
    fake.on('GET', VIDEO_PATH, { body: video, headers: mp4 });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await downloadFailure(
      client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target(), { maxBytes: 100_000 }),
    );
    expect(error).toMatchObject({ code: 'upstream_error', transient: false });
    expect(error.message).toMatch(/larger than the 0\.1 MB limit/);
    expect(fake.requests).toHaveLength(1);
  });

  it('stops a file that goes over the cap while streaming and deletes the part written', async () => {
    // No Content-Length: the cap can only be enforced while the bytes arrive.
    fake.on('GET', VIDEO_PATH, () => ({ body: video, headers: { ...mp4, 'transfer-encoding': 'chunked' } }));
    const probe = await fetch(`${fake.baseUrl}${VIDEO_PATH}`);
    expect(probe.headers.get('content-length')).toBeNull();
    await probe.arrayBuffer();
    fake.requests.length = 0;
    const { client } = makeTestClient(fake.baseUrl);
    const error = await downloadFailure(
      client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target(), { maxBytes: 64 * 1024 }),
    );
    expect(error.message).toMatch(/larger than/);
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a download cut off mid-body and ends with the whole file', async () => {
    fake.on('GET', VIDEO_PATH, { body: video, headers: mp4, dropAfterBytes: 50_000 }, { body: video, headers: mp4 });
    const { client } = makeTestClient(fake.baseUrl);
    const result = await client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target());
    expect(result.bytes).toBe(video.length);
    expect((await readFile(target())).equals(video)).toBe(true);
    expect(fake.requests).toHaveLength(2);
    expect(await listFiles(dir)).toEqual(['task-1.mp4']);
  });

  it('leaves nothing behind when every attempt is cut off', async () => {
    fake.on('GET', VIDEO_PATH, { body: video, headers: mp4, dropAfterBytes: 50_000 });
    const { client } = makeTestClient(fake.baseUrl, { maxRetries: 2 });
    const error = await downloadFailure(client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target()));
    expect(error).toMatchObject({ code: 'upstream_error', transient: true, attempts: 3 });
    expect(error.message).toMatch(/^Downloading http:\/\/127\.0\.0\.1:\d+\/files\/clip\.mp4 broke off/);
  });

  it('retries a 503 and gives up on a 404 at once', async () => {
    fake.on('GET', VIDEO_PATH, { status: 503 }, { body: video, headers: mp4 });
    fake.on('GET', '/files/gone.mp4', { status: 404, body: 'expired' });
    const { client } = makeTestClient(fake.baseUrl);
    await client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target());
    expect(fake.requestsTo('GET', VIDEO_PATH)).toHaveLength(2);

    await rm(target());
    const error = await downloadFailure(
      client.downloadToFile(`${fake.baseUrl}/files/gone.mp4?token=secret-sig`, target()),
    );
    expect(fake.requestsTo('GET', /gone/)).toHaveLength(1);
    expect(error).toMatchObject({ code: 'upstream_rejected', httpStatus: 404 });
    expect(error.message).not.toContain('secret-sig');
  });

  it('refuses an HTML page where a video should be', async () => {
    fake.on('GET', VIDEO_PATH, {
      body: '<html>Access denied</html>',
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await downloadFailure(client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target()));
    expect(error.code).toBe('upstream_unreadable');
  });

  it('times out a download that never starts', async () => {
    fake.on('GET', VIDEO_PATH, { body: video, headers: mp4, delayMs: 2_000 });
    const { client } = makeTestClient(fake.baseUrl, { downloadTimeoutMs: 150, maxRetries: 1 });
    const error = await downloadFailure(client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target()));
    expect(error).toMatchObject({ code: 'upstream_timeout', attempts: 2 });
  });

  it('times out a download that stalls halfway and deletes the part written', async () => {
    fake.on('GET', VIDEO_PATH, { body: video, headers: mp4, stallAfterBytes: 100_000 });
    const { client } = makeTestClient(fake.baseUrl, { downloadTimeoutMs: 200, maxRetries: 1 });
    const error = await downloadFailure(client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target()));
    expect(error).toMatchObject({ code: 'upstream_timeout', attempts: 2 });
    expect(error.message).toMatch(/did not finish within 200 ms/);
  });

  it('sends the key to the API origin only, never to the host a link redirects to', async () => {
    const cdn = await FakeUpstream.start();
    try {
      cdn.on('GET', '/signed/clip.mp4', { body: video, headers: mp4 });
      fake.on('GET', VIDEO_PATH, { status: 302, headers: { location: `${cdn.baseUrl}/signed/clip.mp4` } });
      const { client } = makeTestClient(fake.baseUrl);

      await client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target());

      expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
      expect(cdn.requests).toHaveLength(1);
      expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
      expect((await readFile(target())).equals(video)).toBe(true);
    } finally {
      await cdn.close();
    }
  });

  it('refuses a link that is not http(s) without any request', async () => {
    const { client } = makeTestClient(fake.baseUrl);
    const error = await downloadFailure(client.downloadToFile('file:///etc/passwd', target()));
    expect(error.code).toBe('upstream_unreadable');
    expect(fake.requests).toHaveLength(0);
  });

  it('stops following a redirect loop', async () => {
    fake.on('GET', VIDEO_PATH, { status: 302, headers: { location: VIDEO_PATH } });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await downloadFailure(client.downloadToFile(`${fake.baseUrl}${VIDEO_PATH}`, target()));
    expect(error.message).toMatch(/redirected more than 5 times/);
    expect(fake.requests).toHaveLength(6);
  });
});
