/**
 * The real engine path, against a fake API in One over HTTP: submit with our task id as
 * Idempotency-Key, webhooks as hints that make the tracker poll, the video copied from the
 * upstream's link into our storage with a poster made by ffmpeg, one charge — and the API key
 * nowhere in what is stored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { creditsSchema, taskHistorySchema } from '@/shared/contract';
import { runTool } from '@/server/media/run-tool';
import { FFMPEG_PATH } from '@/server/media/tool-paths';
import { getJson, SEED_PROMPT, submit, upload, waitForTask } from '../../../../tests/support/api-calls';
import { makeTestImage } from '../../../../tests/support/test-image';
import { startTestApp, type TestServer } from '../../../../tests/support/test-server';
import { FakeUpstream, type FakeRequest } from '../../../../tests/fakes/fake-upstream';

const API_KEY = 'aio_test_canary_key_7f3a9c';
let fake: FakeUpstream;
let server: TestServer;
let clip: Buffer;

beforeAll(async () => {
  fake = await FakeUpstream.start();
  server = await startTestApp({ APIINONE_API_KEY: API_KEY, APIINONE_BASE_URL: fake.baseUrl });
  const clipPath = path.join(server.dataDir, 'upstream-clip.mp4');
  await runTool(
    FFMPEG_PATH,
    ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=640x360:rate=24', '-t', '2', '-pix_fmt', 'yuv420p', clipPath],
    { timeoutMs: 30_000 },
  );
  clip = fs.readFileSync(clipPath);
});
afterAll(async () => {
  await server.stop();
  await fake.close();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('the API in One engine', () => {
  it('drives a task from submit to an archived, charged video, with webhooks as hints', async () => {
    let phase: 'queued' | 'running' | 'done' = 'queued';
    // The fake echoes the Authorization header it got, as a careless upstream might.
    const echo = (request: FakeRequest) => request.headers.authorization;
    fake
      .on('POST', '/api/v1/videos/generations', (request) => ({
        json: { code: 0, data: { task_id: 'up-123', status: 'Queueing', echo: echo(request) } },
      }))
      .on('GET', '/api/v1/tasks/up-123', (request) =>
        phase === 'done'
          ? { json: { data: { task_id: 'up-123', status: 'Success', video_url: `${fake.baseUrl}/files/up-123.mp4` } } }
          : { json: { data: { task_id: 'up-123', status: 'Processing', progress: 40, echo: echo(request) } } },
      )
      .on('GET', '/files/up-123.mp4', { body: clip, headers: { 'content-type': 'video/mp4' } });

    const photo = await upload(server, await makeTestImage());
    const created = await submit(server, { model: 'hailuo-2-3', prompt: SEED_PROMPT, image: photo.url });
    const submitted = await waitForTask(server, created.task_id, (t) => t.upstream_task_id === 'up-123');
    expect(submitted.status).toBe('queued');

    const [sent] = fake.requestsTo('POST', '/api/v1/videos/generations');
    expect(sent!.headers['idempotency-key']).toBe(created.task_id);
    // Our own JPEG upload goes as it is, at this server's address.
    expect(JSON.parse(sent!.body)).toEqual({
      model: 'hailuo-2-3',
      prompt: SEED_PROMPT,
      image: photo.url,
      duration: '6',
      resolution: '768P',
    });

    const hook = () =>
      server.fetch(`/api/v1/webhooks/apiinone/${server.services.webhookSecret}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ task_id: 'up-123', status: 'whatever' }),
      });
    phase = 'running';
    expect((await hook()).status).toBe(202);
    await waitForTask(server, created.task_id, (t) => t.status === 'running' && t.progress === 40, 5000);
    phase = 'done';
    expect((await hook()).status).toBe(202);
    const task = await waitForTask(server, created.task_id, undefined, 10_000);

    expect(task).toMatchObject({ status: 'succeeded', engine: 'apiinone', charged_credits: 30 });
    expect(task.result).toMatchObject({ width: 640, height: 360 });
    const video = await server.fetch(task.result!.video_url);
    expect(Buffer.from(await video.arrayBuffer()).equals(clip)).toBe(true);
    expect((await server.fetch(task.result!.poster_url)).headers.get('content-type')).toBe('image/jpeg');
    expect(await getJson(server, '/api/v1/billing/credits', creditsSchema)).toMatchObject({
      simulated: false,
      spent: 30,
    });

    // Looked up by the upstream's id too; and the key is nowhere in the task's stored story.
    expect((await getJson(server, '/api/v1/tasks/up-123', z.pick(taskHistorySchema, { task_id: true }))).task_id).toBe(
      task.task_id,
    );
    const history = await server.fetch(`/api/v1/tasks/${task.task_id}/history`);
    const text = await history.text();
    expect(text).toContain('"operation":"webhook"');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain(API_KEY);
    const database = fs.readFileSync(path.join(server.dataDir, 'hailuo.sqlite'));
    expect(database.includes(Buffer.from(API_KEY))).toBe(false);
  });

  it('ends a task the upstream refuses with its reason, uncharged, without retrying the submit', async () => {
    fake.reset();
    fake.on('POST', '/api/v1/videos/generations', { status: 400, json: { error: { message: 'Image is too small' } } });
    const photo = await upload(server, await makeTestImage());
    const created = await submit(server, { prompt: 'Refused', image: photo.url });
    const task = await waitForTask(server, created.task_id, undefined, 10_000);
    expect(task).toMatchObject({ status: 'failed', charged_credits: 0, error: { code: 'upstream_error' } });
    expect(task.error!.message).toContain('Image is too small');
    expect(fake.requestsTo('POST', '/api/v1/videos/generations')).toHaveLength(1);
  });
});
