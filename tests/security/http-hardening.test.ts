/**
 * Every answer carries strict headers; bodies are capped on every route; JSON routes take JSON
 * only; a browser on another site cannot make the server do anything, while curl (no Origin)
 * still can; and no route grants cross-origin reads.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, postGeneration, SEED_PROMPT, upload } from '../support/api-calls';
import { rawRequest } from '../support/raw-request';
import { writeFakeDist } from '../support/fake-dist';
import { makeTestImage } from '../support/test-image';
import { makeDataDir, startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let image: string;

beforeAll(async () => {
  const dataDir = makeDataDir();
  server = await startTestServer(
    { DIST_DIR: writeFakeDist(dataDir), LOCAL_ENGINE_DELAY_MS: '600000', LOCAL_ENGINE_FAILURE_RATE: '1' },
    dataDir,
  );
  image = (await upload(server, await makeTestImage())).url;
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const seedBody = () => ({ model: 'hailuo-2-3', prompt: SEED_PROMPT, image });

async function taskTotal(): Promise<number> {
  const list = (await (await server.fetch('/api/v1/tasks?limit=1')).json()) as { counts: Record<string, number> };
  return Object.values(list.counts).reduce((a, b) => a + b, 0);
}

describe('headers on every answer', () => {
  it.each([
    ['the page', '/', 'GET'],
    ['a deep link', '/tasks/tsk_x', 'GET'],
    ['a JSON answer', '/api/health', 'GET'],
    ['a JSON error', '/api/v1/tasks/nope', 'GET'],
    ['an unknown API path', '/api/v2/nothing', 'POST'],
    ['a media file that is not there', '/media/videos/x.mp4', 'GET'],
  ])('%s: CSP script-src self, nosniff, frame denial', async (_name, pathname, method) => {
    const response = await server.fetch(`${pathname}`, { method });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('a task, its fast answer and its 304 carry the very headers every other answer does', async () => {
    const submitted = (await (await postGeneration(server, seedBody())).json()) as { task_id: string };
    const health = await server.fetch('/api/health');
    const task = await server.fetch(`/api/v1/tasks/${submitted.task_id}`);
    const etag = task.headers.get('etag') ?? '';
    const again = await server.fetch(`/api/v1/tasks/${submitted.task_id}`, {
      headers: { 'If-None-Match': etag },
    });
    expect(task.status).toBe(200);
    expect(again.status).toBe(304);
    const securityHeaders = (response: Response) =>
      [...response.headers].filter(
        ([name]) =>
          !/^(date|connection|keep-alive|content-type|content-length|etag|cache-control|server-timing|transfer-encoding|x-request-id)/.test(
            name,
          ),
      );
    // Each names its own request (compared apart: it differs from answer to answer).
    const ids = [health, task, again].map((response) => response.headers.get('x-request-id'));
    expect(new Set(ids.map((id) => /^req_/.test(id ?? '') && id)).size).toBe(3);
    expect(securityHeaders(health).length).toBeGreaterThanOrEqual(12);
    expect(securityHeaders(task)).toEqual(securityHeaders(health));
    expect(securityHeaders(again)).toEqual(securityHeaders(health));
  });

  it('an uploaded image is served with its own type and nosniff', async () => {
    const response = await server.fetch(image);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('no cross-origin access', () => {
  it('grants no CORS, not even to a preflight', async () => {
    const preflight = await server.fetch('/api/v1/videos/generations', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const read = await server.fetch('/api/v1/tasks', { headers: { Origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['another Origin', { Origin: 'https://evil.example' }],
    ['Origin null (a sandboxed frame)', { Origin: 'null' }],
    ['a look-alike Origin', { Origin: 'http://127.0.0.1.evil.example' }],
    ['Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site same-site (a sibling subdomain)', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses a submit from %s with 403 and creates nothing', async (_name, headers) => {
    const before = await taskTotal();
    await expectError(await postGeneration(server, seedBody(), headers), 403, 'forbidden');
    expect(await taskTotal()).toBe(before);
  });

  it('refuses a cross-site form post of an upload', async () => {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(await makeTestImage())], { type: 'image/jpeg' }), 'x.jpg');
    const response = await server.fetch('/api/v1/uploads', {
      method: 'POST',
      body: form,
      headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    });
    await expectError(response, 403, 'forbidden');
  });

  it('lets the same origin, and clients that send no Origin (curl), through', async () => {
    const sameOrigin = await postGeneration(server, seedBody(), {
      Origin: server.url,
      'Sec-Fetch-Site': 'same-origin',
    });
    expect(sameOrigin.status).toBe(202);
    expect((await postGeneration(server, seedBody())).status).toBe(202);
  });
});

describe('bodies', () => {
  it('JSON routes refuse other types with 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await server.fetch('/api/v1/videos/generations', {
        method: 'POST',
        headers: { 'Content-Type': type },
        body: JSON.stringify(seedBody()),
      });
      await expectError(response, 415, 'unsupported_media_type');
    }
    const noType = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/v1/images/inspect',
      body: JSON.stringify({ url: image }),
    });
    expect(noType.status).toBe(415);
  });

  it.each([
    ['POST', '/api/v1/videos/generations'],
    ['POST', '/api/v1/images/inspect'],
    ['POST', '/api/v1/batches'],
    ['POST', '/api/v1/webhooks/apiinone/anything'],
    ['POST', '/api/v1/auth/session'],
    ['PUT', '/api/v1/nothing-here'],
    ['POST', '/'],
  ])('%s %s refuses a 200 KB body with 413', async (method, pathname) => {
    const response = await rawRequest(server.url, {
      method,
      path: pathname,
      headers: { 'Content-Type': 'application/json' },
      body: `{"prompt":"${'a'.repeat(200 * 1024)}"}`,
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});
