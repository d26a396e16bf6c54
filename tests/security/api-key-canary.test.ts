/**
 * The API key never leaves the server. A canary key is set on a real server process talking to
 * a fake API in One that echoes the key back in its answers and errors; every route is called
 * (the page, its assets, tasks, history with the raw exchanges, errors, media, batches, ZIPs,
 * callbacks, webhooks) and the canary must appear in no answer, header, callback, log line,
 * stored file, built bundle or "copy as curl" command.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServerProcess } from '../support/server-process';
import { taskSchema, type Task } from '@/shared/contract';
import { curlCommand } from '@/features/tasks/lib/curl-command';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';
import { makeTestImage } from '../support/test-image';
import { FakeUpstream, type FakeRequest } from '../fakes/fake-upstream';

const run = promisify(execFile);
const CANARY = `aio_canary_${randomBytes(16).toString('hex')}`;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-canary-'));
const dataDir = path.join(work, 'data');
const distDir = path.join(work, 'dist');

interface Seen {
  what: string;
  status: number;
  headers: string;
  body: string;
}
const seen: Seen[] = [];
const callbacks: string[] = [];
let fake: FakeUpstream;
let receiver: http.Server;
let receiverUrl = '';
let server: ServerProcess | undefined;
let base = '';
let image: Buffer;

async function call(pathname: string, init: RequestInit = {}): Promise<Seen> {
  const response = await fetch(`${base}${pathname}`, init);
  const body = Buffer.from(await response.arrayBuffer()).toString('latin1');
  const entry = { what: `${init.method ?? 'GET'} ${pathname}`, status: response.status, headers: '', body };
  entry.headers = JSON.stringify([...response.headers.entries()]);
  seen.push(entry);
  return entry;
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

function scriptUpstream(clip: Buffer) {
  let next = 0;
  const echo = (request: FakeRequest) => request.headers.authorization;
  fake
    .on('POST', '/api/v1/videos/generations', (request) =>
      request.body.includes('refuse')
        ? { status: 401, json: { error: { message: `Invalid API key ${echo(request)}` } } }
        : { json: { code: 0, data: { task_id: `up-${++next}`, status: 'Queueing', echo: echo(request) } } },
    )
    .on('GET', /^\/api\/v1\/tasks\/up-\d+$/, (request) => ({
      json: {
        data: {
          task_id: request.path.split('/').pop(),
          status: 'Success',
          video_url: `${fake.baseUrl}/files/clip.mp4?token=${echo(request)}`,
          echo: echo(request),
        },
      },
    }))
    .on('GET', /^\/files\/clip\.mp4/, { body: clip, headers: { 'content-type': 'video/mp4' } });
}

async function startServer() {
  const port = await freePort();
  server = await ServerProcess.create(
    dataDir,
    {
      APIINONE_API_KEY: CANARY,
      APIINONE_BASE_URL: fake.baseUrl,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      DIST_DIR: distDir,
      LOG_LEVEL: 'debug',
      // Callbacks and the linked image go to loopback listeners of this test.
      UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
    },
    { port, output: 'capture' },
  );
  await server.start();
  base = server.url;
}

beforeAll(async () => {
  // The bundle is built with the canary in the environment, as `npm run build` on a configured machine.
  const build = run('npx', ['vite', 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'error'], {
    env: { ...process.env, APIINONE_API_KEY: CANARY },
  });
  const clipPath = path.join(work, 'clip.mp4');
  await runTool(
    FFMPEG_PATH,
    ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=24', '-t', '1', '-pix_fmt', 'yuv420p', clipPath],
    { timeoutMs: 30_000 },
  );
  image = await makeTestImage();
  receiver = http.createServer((req, res) => {
    if (req.url === '/image.jpg') return res.writeHead(200, { 'Content-Type': 'image/jpeg' }).end(image);
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      callbacks.push(JSON.stringify(req.headers) + body);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  fake = await FakeUpstream.start();
  scriptUpstream(fs.readFileSync(clipPath));
  await build;
  await startServer();
}, 120_000);

afterAll(async () => {
  await server?.terminate();
  receiver?.close();
  await fake?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function waitForFinal(id: string): Promise<Task> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const task = taskSchema.parse(JSON.parse((await call(`/api/v1/tasks/${id}`)).body));
    if (['succeeded', 'failed', 'canceled'].includes(task.status)) return task;
    if (Date.now() > deadline) throw new Error(`${id} still ${task.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return entry.isFile() ? [full] : [];
  });
}

describe('a canary API key', () => {
  let succeeded: Task;
  let refused: Task;

  it('is used upstream, and every route is exercised around it', async () => {
    // The page and everything it loads.
    for (const page of ['/', '/tasks', '/tasks/tsk_nope', '/sign-in', '/theme-init.js', '/favicon.svg']) {
      expect((await call(page)).status).toBe(200);
    }
    for (const asset of fs.readdirSync(path.join(distDir, 'assets'))) await call(`/assets/${asset}`);

    for (const route of [
      '/api/health',
      '/api/v1/models',
      '/api/v1/billing/credits',
      '/api/v1/billing/spend?days=30',
      '/api/v1/auth/session',
    ]) {
      expect((await call(route)).status).toBe(200);
    }

    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'photo.jpg');
    const uploaded = JSON.parse((await call('/api/v1/uploads', { method: 'POST', body: form })).body) as {
      url: string;
    };
    expect((await call('/api/v1/images/inspect', json({ url: uploaded.url }))).status).toBe(200);
    expect((await call('/api/v1/images/inspect', json({ url: `${receiverUrl}/image.jpg` }))).status).toBe(200);

    const body = { model: 'hailuo-2-3', prompt: 'A canary', image: uploaded.url, callback_url: `${receiverUrl}/hook` };
    const created = await call('/api/v1/videos/generations', json(body, { 'Idempotency-Key': 'canary-1' }));
    expect(created.status).toBe(202);
    expect((await call('/api/v1/videos/generations', json(body, { 'Idempotency-Key': 'canary-1' }))).status).toBe(202);
    const refusedCreated = await call('/api/v1/videos/generations', json({ ...body, prompt: 'please refuse this' }));
    const batch = await call('/api/v1/batches', json({ prompt: 'A canary batch', images: [uploaded.url] }));
    expect(batch.status).toBe(201);

    succeeded = await waitForFinal((JSON.parse(created.body) as { task_id: string }).task_id);
    refused = await waitForFinal((JSON.parse(refusedCreated.body) as { task_id: string }).task_id);
    expect(succeeded.status).toBe('succeeded');
    expect(refused.status).toBe('failed');
    const { batch_id: batchId, task_ids: batchTasks } = JSON.parse(batch.body) as {
      batch_id: string;
      task_ids: string[];
    };
    for (const id of batchTasks) await waitForFinal(id);

    // The key was really in play: it went upstream, and the upstream echoed it back.
    const submits = fake.requestsTo('POST', '/api/v1/videos/generations');
    expect(submits[0]!.headers.authorization).toBe(`Bearer ${CANARY}`);

    for (const route of [
      `/api/v1/tasks/${succeeded.task_id}`,
      `/api/v1/tasks/${succeeded.upstream_task_id}`,
      `/api/v1/tasks/${succeeded.task_id}/history`,
      `/api/v1/tasks/${refused.task_id}/history`,
      '/api/v1/tasks?limit=100',
      `/api/v1/tasks?status=failed&q=refuse`,
      `/api/v1/batches/${batchId}`,
      `/api/v1/downloads.zip?ids=${succeeded.task_id}`,
      `/api/v1/downloads.zip?batch_id=${batchId}`,
      new URL(succeeded.result!.video_url).pathname,
      `${new URL(succeeded.result!.video_url).pathname}?download=1`,
      new URL(succeeded.result!.poster_url).pathname,
      new URL(uploaded.url).pathname,
    ]) {
      expect((await call(route)).status, route).toBe(200);
    }

    // Errors of every kind.
    await call('/api/v1/nothing');
    await call('/api/v1/videos/generations', json('{"broken'));
    await call('/api/v1/videos/generations', { method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } });
    await call('/api/v1/videos/generations', json({ ...body, duration: '10', resolution: '1080P' }));
    await call('/api/v1/videos/generations', json({ ...body, callback_url: 'http://10.0.0.1/' }));
    await call('/media/videos/nope.mp4');
    const secret = new URL(JSON.parse(submits[0]!.body).callback_url as string).pathname;
    expect((await call(secret, json({ task_id: succeeded.upstream_task_id, status: 'Success' }))).status).toBe(202);
    expect((await call('/api/v1/webhooks/apiinone/wrong', json({}))).status).toBe(404);

    // Callbacks are delivered (and looked at below).
    const deadline = Date.now() + 15_000;
    while (callbacks.length < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(callbacks.length).toBeGreaterThan(0);
  });

  it('appears in no answer body or header', () => {
    expect(seen.length).toBeGreaterThan(40);
    const leaks = seen.filter((s) => s.body.includes(CANARY) || s.headers.includes(CANARY)).map((s) => s.what);
    expect(leaks).toEqual([]);
    // The upstream's echo of the key was stored for support, with the key removed.
    expect(seen.some((s) => s.what.endsWith('/history') && s.body.includes('[redacted]'))).toBe(true);
  });

  it('appears in no callback sent to a user', () => {
    expect(callbacks.filter((c) => c.includes(CANARY))).toEqual([]);
  });

  it('appears in no "copy as curl" command built from what the page shows', () => {
    for (const task of [succeeded, refused]) {
      const command = curlCommand(task, base);
      expect(command).toContain('$APIINONE_API_KEY');
      expect(command).not.toContain(CANARY);
    }
  });

  it('appears in no log line, even at debug level', async () => {
    await server!.terminate();
    const logs = server!.output;
    expect(logs).toContain('Hailuo Studio on');
    expect(logs.includes(CANARY)).toBe(false);
  });

  it('is absent from logs that are JSON lines, each naming the server, and the request where there is one', () => {
    const lines = server!.output.split('\n').filter(Boolean);
    const parsed = lines.map((line) => JSON.parse(line) as { server?: string; msg?: string; request_id?: string });
    expect(new Set(parsed.map((line) => line.server))).toEqual(new Set([expect.stringMatching(/^srv_/)]));
    const requests = parsed.filter((line) => line.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(seen.length);
    // The id each answer carried is the one on its log line.
    const answered = seen.map(
      (s) => (JSON.parse(s.headers) as [string, string][]).find(([n]) => n === 'x-request-id')?.[1],
    );
    expect(answered.every((id) => id && /^req_/.test(id))).toBe(true);
    const logged = new Set(requests.map((line) => line.request_id));
    expect(answered.filter((id) => !logged.has(id))).toEqual([]);
  });

  it('appears in no stored file (database, media) and no file of the built bundle', () => {
    const stored = filesUnder(dataDir).filter((file) => fs.readFileSync(file).includes(CANARY));
    expect(stored).toEqual([]);
    const built = filesUnder(distDir);
    expect(built.some((file) => file.endsWith('.js'))).toBe(true);
    expect(built.filter((file) => fs.readFileSync(file).includes(CANARY))).toEqual([]);
  });
});
