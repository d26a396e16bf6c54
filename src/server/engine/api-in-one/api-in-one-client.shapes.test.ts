/**
 * Every answer shape in tests/fixtures/upstream/ served over real HTTP by the fake upstream and
 * read through the real client: the documented API in One create answer, kie.ai's task detail
 * (its link inside a JSON string), the shapes other relays use, their case and nesting, numbers
 * as strings, errors wrapped in a 200 — each read into our task state, or into a failure that
 * says what it means (done but unreadable, may have started, who has to act).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeUpstream } from '../../../../tests/fakes/fake-upstream';
import { CANARY_KEY, failureOf, makeTestClient } from '../../../../tests/support/test-client';
import { loadUpstreamFixtures, type UpstreamFixture } from '../../../../tests/support/upstream-fixtures';
import type { UpstreamCreateBody } from './api-in-one-client';
import { UpstreamError } from './upstream-error';

const body: UpstreamCreateBody = {
  model: 'hailuo/2-3-image-to-video-standard',
  prompt: 'A slow push in',
  image: 'https://studio.example.com/media/uploads/upl_x.jpg',
  duration: '6',
  resolution: '768P',
};
const fixtures = loadUpstreamFixtures();
const TASK = 'n51a7c3e_hailuo';

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await FakeUpstream.start();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function call(fixture: UpstreamFixture) {
  const { client } = makeTestClient(fake.baseUrl);
  const reply = { status: fixture.http_status, json: fixture.body };
  if (fixture.call === 'create') {
    fake.on('POST', '/api/v1/videos/generations', reply);
    return client.createTask(body, { idempotencyKey: 'tsk_1' });
  }
  fake.on('GET', `/api/v1/tasks/${TASK}`, reply);
  return client.getTask(TASK);
}

describe('every fixture names its source and what it must read as', () => {
  it('has fixtures of every kind', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    expect(fixtures.filter((f) => f.read?.status === 'succeeded').length).toBeGreaterThanOrEqual(10);
    expect(fixtures.filter((f) => f.fails?.engine_says_done).length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(fixtures.filter((f) => f.read))('$name: $about', (fixture) => {
  it('is read into our task state', async () => {
    const state = await call(fixture);
    const expected = fixture.read!;
    expect(state.status).toBe(expected.status);
    expect(state.upstreamTaskId).toBe(expected.upstream_task_id ?? TASK);
    if (expected.video_url !== undefined) expect(state.videoUrl).toBe(expected.video_url);
    if (expected.poster_url !== undefined) expect(state.posterUrl).toBe(expected.poster_url);
    if (expected.progress !== undefined) expect(state.progress).toBe(expected.progress);
    if (expected.error_message !== undefined) expect(state.error?.message).toMatch(new RegExp(expected.error_message));
    else expect(state.error).toBeNull();
    expect(state.raw).toEqual(JSON.parse(JSON.stringify(fixture.body)));
  });
});

describe.each(fixtures.filter((f) => f.fails))('$name: $about', (fixture) => {
  it('fails saying what it means', async () => {
    const error = await failureOf(call(fixture));
    expect(error).toBeInstanceOf(UpstreamError);
    const expected = fixture.fails!;
    expect(error).toMatchObject({
      code: expected.code,
      ...(expected.task_code !== undefined && { taskCode: expected.task_code }),
      ...(expected.transient !== undefined && { transient: expected.transient }),
      ...(expected.may_have_started !== undefined && { mayHaveStarted: expected.may_have_started }),
      engineSaysDone: expected.engine_says_done ?? false,
    });
    expect((error as UpstreamError).message).toMatch(new RegExp(expected.message));
    expect((error as UpstreamError).message).not.toContain(CANARY_KEY);
  });
});
