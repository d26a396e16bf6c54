import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../../../../tests/fakes/fake-upstream';
import { CANARY_KEY, failureOf, makeTestClient } from '../../../../tests/support/test-client';
import type { UpstreamCreateBody } from './api-in-one-client';
import { UpstreamError } from './upstream-error';

const CREATE = '/api/v1/videos/generations';
const body: UpstreamCreateBody = {
  model: 'hailuo/2-3-image-to-video-standard',
  prompt: 'A golden retriever running through a sunflower field at sunset, slow motion',
  image: 'https://example.com/golden-retriever.jpg',
  duration: '6',
  resolution: '768P',
};
const VIDEO = 'https://cdn.example.test/out/clip.mp4?Expires=1&Signature=abc';

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await FakeUpstream.start();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('createTask', () => {
  it('posts the body with the key and the Idempotency-Key, and reads a flat answer', async () => {
    fake.on('POST', CREATE, { status: 200, json: { task_id: 'up-1', status: 'pending' } });
    const { client } = makeTestClient(fake.baseUrl);

    const state = await client.createTask(body, { idempotencyKey: 'idem-123' });

    expect(state).toMatchObject({ upstreamTaskId: 'up-1', status: 'queued', httpStatus: 200, videoUrl: null });
    const [request] = fake.requests;
    expect(fake.requests).toHaveLength(1);
    expect(request?.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
    expect(request?.headers['idempotency-key']).toBe('idem-123');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(body);
  });

  it('keeps the raw answer without the key', async () => {
    fake.on('POST', CREATE, {
      status: 201,
      json: { task_id: 'up-1', echo: { api_key: CANARY_KEY, note: `used ${CANARY_KEY}` } },
    });
    const { client } = makeTestClient(fake.baseUrl);
    const state = await client.createTask(body, { idempotencyKey: 'k' });
    expect(state.httpStatus).toBe(201);
    expect(state.raw).toEqual({ task_id: 'up-1', echo: { api_key: '[redacted]', note: 'used [redacted]' } });
  });

  it.each<[string, unknown, string]>([
    ['nested under data (Kie style)', { code: 200, msg: 'success', data: { taskId: 'up-2' } }, 'up-2'],
    ['MiniMax base_resp', { task_id: '3069', base_resp: { status_code: 0, status_msg: 'success' } }, '3069'],
    ['data.task.id', { data: { task: { id: 'up-3', status: 'submitted' } } }, 'up-3'],
  ])('reads an answer %s', async (_name, json, id) => {
    fake.on('POST', CREATE, { json });
    const { client } = makeTestClient(fake.baseUrl);
    expect((await client.createTask(body, { idempotencyKey: 'k' })).upstreamTaskId).toBe(id);
  });

  it('sends no Idempotency-Key header when none is given', async () => {
    fake.on('POST', CREATE, { json: { id: 'up-4' } });
    const { client } = makeTestClient(`${fake.baseUrl}/`);
    await client.createTask(body);
    expect(fake.requests[0]?.headers['idempotency-key']).toBeUndefined();
    expect(fake.requests[0]?.path).toBe(CREATE);
  });

  it('fails clearly on an answer without a task id, with the raw kept', async () => {
    fake.on('POST', CREATE, { json: { status: 'queued', note: 'no id here' } });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await failureOf(client.createTask(body, { idempotencyKey: 'k' }));
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ code: 'upstream_unreadable', transient: false, httpStatus: 200 });
    expect((error as UpstreamError).raw).toEqual({ status: 'queued', note: 'no id here' });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('getTask', () => {
  it('polls the task route with the key', async () => {
    fake.on('GET', '/api/v1/tasks/up-1', { json: { task_id: 'up-1', status: 'processing', progress: '45%' } });
    const { client } = makeTestClient(fake.baseUrl);

    const state = await client.getTask('up-1');

    expect(state).toMatchObject({ upstreamTaskId: 'up-1', status: 'running', progress: 45 });
    expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('escapes an id with characters that would change the path', async () => {
    fake.on('GET', '/api/v1/tasks/a%2Fb%3Fc', { json: { status: 'queued' } });
    const { client } = makeTestClient(fake.baseUrl);
    expect((await client.getTask('a/b?c')).upstreamTaskId).toBe('a/b?c');
  });

  it.each<[string, unknown, Record<string, unknown>]>([
    ['numeric progress 0–1', { id: 't', status: 'running', progress: 0.3 }, { status: 'running', progress: 30 }],
    [
      'nested success with a result',
      {
        code: 0,
        data: {
          task_id: 't',
          status: 'SUCCESS',
          result: { video_url: VIDEO, cover_url: 'https://cdn.example.test/p.jpg' },
        },
      },
      { status: 'succeeded', videoUrl: VIDEO, posterUrl: 'https://cdn.example.test/p.jpg', progress: 100 },
    ],
    [
      'MiniMax success with a file link',
      {
        task_id: 't',
        status: 'Success',
        file: { download_url: VIDEO },
        base_resp: { status_code: 0, status_msg: 'success' },
      },
      { status: 'succeeded', videoUrl: VIDEO },
    ],
    [
      'a failure with a reason',
      { data: { id: 't', state: 'failed', fail_reason: 'Image contains a face we cannot animate' } },
      { status: 'failed', error: { code: 'upstream_error', message: 'Image contains a face we cannot animate' } },
    ],
  ])('reads %s', async (_name, json, expected) => {
    fake.on('GET', '/api/v1/tasks/t', { json });
    const { client } = makeTestClient(fake.baseUrl);
    expect(await client.getTask('t')).toMatchObject(expected);
  });

  it('calls a success without a video link unreadable', async () => {
    fake.on('GET', '/api/v1/tasks/t', { json: { task_id: 't', status: 'completed' } });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await failureOf(client.getTask('t'));
    expect(error).toMatchObject({ code: 'upstream_unreadable', message: expect.stringMatching(/no video URL/) });
    expect(fake.requests).toHaveLength(1);
  });
});
