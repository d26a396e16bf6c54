/**
 * `GET /api/v1/tasks/{id}` as pollers use it: an ETag on every answer, a bodiless 304 for the
 * version the client holds, a running task never answered from a kept copy, and a finished
 * task's kept answer per origin (its media links are absolute).
 */
import http from 'node:http';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskSchema } from '@/shared/contract';
import { newTask } from '../../../tests/support/new-task';
import { startTestServer, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
const result = { videoPath: 'videos/x.mp4', posterPath: 'posters/x.jpg', width: 1228, height: 768, durationS: 6 };

/* A running task parked far in the future, so the tracker leaves it to the test. */
async function parkedRunningTask(): Promise<string> {
  const { tasks } = server.services.store;
  const { id } = await tasks.create(newTask({ prompt: 'Slow push in on the product' }), { checkCredits: false });
  await tasks.update(id, { status: 'running', progress: 40, nextPollAt: Date.now() + 3_600_000 });
  return id;
}

async function finish(id: string): Promise<void> {
  const at = Date.now();
  const event = { at, status: 'succeeded' as const, progress: 100, source: 'tracker' as const, message: null };
  expect(await server.services.store.tasks.finish(id, { status: 'succeeded', result }, event, at)).toBe(true);
}

function get(id: string, headers: Record<string, string> = {}) {
  return server.fetch(`/api/v1/tasks/${id}`, { headers });
}

/* fetch() may not set Host; node:http can, as a client reaching us by another name would. */
function getWithHost(id: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${server.url}/api/v1/tasks/${id}`, { headers: { Host: host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('GET /api/v1/tasks/{id} for pollers', () => {
  it('answers a finished task with an ETag, and a 304 without a body to a client that holds it', async () => {
    const id = await parkedRunningTask();
    await finish(id);
    const first = await get(id);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/^application\/json/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const task = taskSchema.parse(await first.json());
    expect(task.status).toBe('succeeded');

    for (const ifNoneMatch of [etag!, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get(id, { 'If-None-Match': ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
    }
    const stale = await get(id, { 'If-None-Match': '"an-older-version"' });
    expect(stale.status).toBe(200);
    expect(taskSchema.parse(await stale.json())).toEqual(task);
  });

  it('answers a running task from the store every time: progress and the end show at once', async () => {
    const id = await parkedRunningTask();
    const running = await get(id);
    const runningEtag = running.headers.get('etag')!;
    expect(taskSchema.parse(await running.json())).toMatchObject({ status: 'running', progress: 40 });

    await server.services.store.tasks.update(id, { progress: 70 });
    const moved = await get(id, { 'If-None-Match': runningEtag });
    expect(moved.status).toBe(200);
    expect(moved.headers.get('etag')).not.toBe(runningEtag);
    expect(taskSchema.parse(await moved.json())).toMatchObject({ status: 'running', progress: 70 });

    await finish(id);
    const done = taskSchema.parse(await (await get(id, { 'If-None-Match': runningEtag })).json());
    expect(done).toMatchObject({ status: 'succeeded', progress: 100, eta_s: null });
    expect(done.result?.video_url).toBe(`${server.url}/media/videos/x.mp4`);
  });

  it('keeps a finished answer per origin, so each client gets links it can reach', async () => {
    const id = await parkedRunningTask();
    await finish(id);
    const port = new URL(server.url).port;
    const byName = await getWithHost(id, `localhost:${port}`);
    const byAddress = await getWithHost(id, `127.0.0.1:${port}`);
    const byNameAgain = await getWithHost(id, `localhost:${port}`);
    expect([byName.status, byAddress.status, byNameAgain.status]).toEqual([200, 200, 200]);
    expect(taskSchema.parse(JSON.parse(byName.body)).result?.video_url).toBe(
      `http://localhost:${port}/media/videos/x.mp4`,
    );
    expect(taskSchema.parse(JSON.parse(byAddress.body)).result?.video_url).toBe(
      `http://127.0.0.1:${port}/media/videos/x.mp4`,
    );
    expect(byNameAgain.body).toBe(byName.body);
  });

  it('still says 404 for an unknown id, and finds a task by its upstream id', async () => {
    const missing = await get('tsk_00000000000000000000000000');
    expect(missing.status).toBe(404);
    const id = await parkedRunningTask();
    await server.services.store.tasks.update(id, { upstreamTaskId: `up-${id}` });
    await finish(id);
    const byUpstream = taskSchema.parse(await (await get(`up-${id}`)).json());
    expect(byUpstream.task_id).toBe(id);
  });
});
