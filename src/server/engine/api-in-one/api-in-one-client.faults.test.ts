import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeUpstream, type FakeReply } from '../../../../tests/fakes/fake-upstream';
import { CANARY_KEY, failureOf, makeTestClient } from '../../../../tests/support/test-client';
import type { UpstreamCreateBody } from './api-in-one-client';
import { UpstreamError } from './upstream-error';

const CREATE = '/api/v1/videos/generations';
const POLL = '/api/v1/tasks/t-1';
const body: UpstreamCreateBody = {
  model: 'hailuo/2-3-image-to-video-pro',
  prompt: 'Waves roll onto a beach',
  image: 'https://example.com/beach.jpg',
  duration: '10',
  resolution: '768P',
};
const created: FakeReply = { json: { task_id: 't-1', status: 'queued' } };
const running: FakeReply = { json: { task_id: 't-1', status: 'running', progress: 10 } };
/* Every error answer echoes the key back, as a careless upstream might: none of it may leak. */
const echo = (status: number, extra: object = {}): FakeReply => ({
  status,
  json: { error: `request with Authorization Bearer ${CANARY_KEY} failed`, ...extra },
});

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await FakeUpstream.start();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

/** The failure of a call; whatever it is, the canary key is in neither its message nor its raw answer. */
async function upstreamFailure(call: Promise<unknown>): Promise<UpstreamError> {
  const error = await failureOf(call);
  expect(error).toBeInstanceOf(UpstreamError);
  const { message, raw } = error as UpstreamError;
  expect(message).not.toContain(CANARY_KEY);
  expect(JSON.stringify(raw) ?? '').not.toContain(CANARY_KEY);
  return error as UpstreamError;
}

describe('retries on faults that pass', () => {
  it('waits as Retry-After (seconds) says after a 429, then succeeds with the same Idempotency-Key', async () => {
    fake.on('POST', CREATE, { ...echo(429), headers: { 'retry-after': '2' } }, created);
    const { client, sleeps } = makeTestClient(fake.baseUrl);

    const state = await client.createTask(body, { idempotencyKey: 'idem-429' });

    expect(state.upstreamTaskId).toBe('t-1');
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual(['idem-429', 'idem-429']);
    expect(sleeps).toEqual([2000]);
  });

  it('honours a Retry-After HTTP-date', async () => {
    const inThreeSeconds = new Date(Date.now() + 3_000).toUTCString();
    fake.on('GET', POLL, { status: 429, headers: { 'retry-after': inThreeSeconds } }, running);
    const { client, sleeps } = makeTestClient(fake.baseUrl);
    await client.getTask('t-1');
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(1_000);
    expect(sleeps[0]).toBeLessThanOrEqual(3_000);
  });

  it('caps a long Retry-After at maxRetryDelayMs', async () => {
    fake.on('GET', POLL, { status: 429, headers: { 'retry-after': '3600' } }, running);
    const { client, sleeps } = makeTestClient(fake.baseUrl, { maxRetryDelayMs: 250 });
    await client.getTask('t-1');
    expect(sleeps).toEqual([250]);
  });

  it('retries 503 twice then succeeds, waiting with full jitter under an exponential bound', async () => {
    fake.on('POST', CREATE, echo(503), echo(503), created);
    const { client, sleeps } = makeTestClient(fake.baseUrl, { retryBaseMs: 100, random: () => 0.75 });

    await client.createTask(body, { idempotencyKey: 'idem-503' });

    expect(fake.requests).toHaveLength(3);
    expect(new Set(fake.requests.map((r) => r.headers['idempotency-key']))).toEqual(new Set(['idem-503']));
    // random() × min(cap, base × 2^retry): 0.75 × 100, then 0.75 × 200.
    expect(sleeps).toEqual([75, 150]);
  });

  it.each([502, 504])('retries a %i on a poll', async (status) => {
    fake.on('GET', POLL, echo(status), running);
    const { client } = makeTestClient(fake.baseUrl);
    expect((await client.getTask('t-1')).status).toBe('running');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up after maxRetries + 1 attempts with a retryable error', async () => {
    fake.on('GET', POLL, { status: 503, body: '<html><body>Service Unavailable</body></html>' });
    const { client, sleeps } = makeTestClient(fake.baseUrl, { maxRetries: 4 });
    const error = await upstreamFailure(client.getTask('t-1'));
    expect(fake.requests).toHaveLength(5);
    expect(sleeps).toHaveLength(4);
    expect(error).toMatchObject({ code: 'upstream_error', transient: true, httpStatus: 503, attempts: 5 });
    expect(error.message).toBe('API in One is unavailable right now (HTTP 503) (gave up after 5 attempts)');
    expect(error.raw).toContain('Service Unavailable');
  });

  it('retries a dropped connection (socket destroyed before an answer)', async () => {
    fake.on('GET', POLL, { drop: true }, running);
    const { client } = makeTestClient(fake.baseUrl);
    expect((await client.getTask('t-1')).progress).toBe(10);
    expect(fake.requests).toHaveLength(2);
  });

  it('retries a poll whose answer is cut off in the middle of its body', async () => {
    fake.on(
      'GET',
      POLL,
      { json: { task_id: 't-1', status: 'running', pad: 'x'.repeat(5000) }, dropAfterBytes: 20 },
      running,
    );
    const { client } = makeTestClient(fake.baseUrl);
    expect((await client.getTask('t-1')).status).toBe('running');
    expect(fake.requests).toHaveLength(2);
  });

  it('times out a slow answer on every attempt and says so', async () => {
    fake.on('GET', POLL, { ...running, delayMs: 2_000 });
    const { client } = makeTestClient(fake.baseUrl, { timeoutMs: 150, maxRetries: 2 });
    const started = Date.now();
    const error = await upstreamFailure(client.getTask('t-1'));
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(error).toMatchObject({ code: 'upstream_timeout', transient: true, attempts: 3 });
    expect(error.message).toBe('API in One did not answer within 150 ms (gave up after 3 attempts)');
    expect(fake.requests).toHaveLength(3);
  });

  it('recovers when only the first answer to a poll is slow', async () => {
    fake.on('GET', POLL, { ...running, delayMs: 2_000 }, running);
    // Generous for the fast second answer on a busy machine, far below the slow first one.
    const { client } = makeTestClient(fake.baseUrl, { timeoutMs: 500 });
    expect((await client.getTask('t-1')).status).toBe('running');
    expect(fake.requests).toHaveLength(2);
  });

  it('retries an error wrapped in HTTP 200 when its code says "later"', async () => {
    fake.on('GET', POLL, { json: { base_resp: { status_code: 1002, status_msg: 'rate limit exceeded' } } }, running);
    const { client } = makeTestClient(fake.baseUrl);
    expect((await client.getTask('t-1')).status).toBe('running');
    expect(fake.requests).toHaveLength(2);
  });
});

describe('no retry where repeating cannot help', () => {
  it('does not retry a 401 and says the key was refused, without the key', async () => {
    fake.on('POST', CREATE, echo(401));
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.createTask(body, { idempotencyKey: 'k' }));
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'upstream_rejected', transient: false, httpStatus: 401 });
    expect(error.message).toBe(
      "API in One refused the API key (HTTP 401). The server's administrator should check APIINONE_API_KEY (the key is never shown here).",
    );
    expect(error.taskCode).toBe('upstream_key_refused');
    expect(JSON.stringify(error.raw)).toContain('[redacted]');
  });

  it.each([400, 403, 404, 409, 422])('does not retry a %i', async (status) => {
    fake.on('POST', CREATE, echo(status, { message: 'duration must be "6" or "10"' }));
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.createTask(body, { idempotencyKey: 'k' }));
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'upstream_rejected', transient: false, httpStatus: status });
  });

  it("puts the upstream's reason for a 422 in the message", async () => {
    fake.on('POST', CREATE, { status: 422, json: { message: '1080P is only available for 6 s videos' } });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.createTask(body, { idempotencyKey: 'k' }));
    expect(error.message).toBe('API in One refused the request (HTTP 422): 1080P is only available for 6 s videos');
  });

  it('says which task a 404 poll was about', async () => {
    fake.on('GET', POLL, { status: 404, json: { msg: 'task not found' } });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.getTask('t-1'));
    expect(error.message).toBe('API in One does not know task t-1 (HTTP 404): task not found');
  });

  it('does not retry an error wrapped in HTTP 200', async () => {
    fake.on('POST', CREATE, { json: { code: 1002, msg: `image unreachable (key ${CANARY_KEY})` } });
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.createTask(body, { idempotencyKey: 'k' }));
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'upstream_rejected', httpStatus: 200 });
    expect(error.message).toBe('API in One refused the request (code 1002): image unreachable (key [redacted])');
  });

  it('reports a 500 at once but marks it worth trying later', async () => {
    fake.on('GET', POLL, echo(500));
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.getTask('t-1'));
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'upstream_error', transient: true, httpStatus: 500 });
  });

  it.each<[string, FakeReply, RegExp]>([
    [
      'an HTML page',
      { body: '<!doctype html><html><body>Welcome to nginx</body></html>', headers: { 'content-type': 'text/html' } },
      /HTML page/,
    ],
    [
      'truncated JSON',
      { body: '{"task_id": "t-1", "status": "que', headers: { 'content-type': 'application/json' } },
      /not valid JSON/,
    ],
    ['an empty body', { body: '' }, /empty/],
    ['a JSON array', { json: [{ task_id: 't-1' }] }, /expected a JSON object/],
  ])('calls %s unreadable and keeps the raw text', async (_name, reply, reason) => {
    fake.on('POST', CREATE, reply);
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.createTask(body, { idempotencyKey: 'k' }));
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ code: 'upstream_unreadable', transient: false, httpStatus: 200 });
    expect(error.message).toMatch(reason);
    if ('body' in reply && reply.body) expect(error.raw).toBe(reply.body);
  });

  it('refuses an answer too large to be a task', async () => {
    fake.on('GET', POLL, { json: { task_id: 't-1', status: 'running', junk: 'x'.repeat(20_000) } });
    const { client } = makeTestClient(fake.baseUrl, { maxAnswerBytes: 4_096 });
    const error = await upstreamFailure(client.getTask('t-1'));
    expect(error.message).toMatch(/too large/);
  });

  it('does not follow a redirect, so the key cannot travel to another host', async () => {
    const elsewhere = await FakeUpstream.start();
    try {
      fake.on('GET', POLL, { status: 301, headers: { location: `${elsewhere.baseUrl}${POLL}` } });
      const { client } = makeTestClient(fake.baseUrl);
      const error = await upstreamFailure(client.getTask('t-1'));
      expect(error.message).toMatch(/redirect \(HTTP 301\); set APIINONE_BASE_URL/);
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });
});

/*
 * API in One documents no idempotency, so the Idempotency-Key a submit carries is never relied on:
 * a submit is sent again only when it provably did nothing, and one that may have made a (billed)
 * video says so instead of being repeated.
 */
describe('a submit, with or without an Idempotency-Key', () => {
  it.each<[string, FakeReply]>([
    ['a 503 (the gateway did not take it)', echo(503)],
    ['a 429', { status: 429, json: { message: 'slow down' } }],
    ['kie\'s 455 "maintenance" inside a 200', { json: { code: 455, msg: 'Service unavailable, under maintenance' } }],
  ])('is sent again after %s', async (_name, refusal) => {
    fake.on('POST', CREATE, refusal, created);
    const { client } = makeTestClient(fake.baseUrl);
    expect((await client.createTask(body, { idempotencyKey: 'k' })).upstreamTaskId).toBe('t-1');
    expect(fake.requests).toHaveLength(2);
  });

  it.each<[string, FakeReply, RegExp]>([
    ['a timeout', { ...created, delayMs: 1_000 }, /did not answer within 150 ms/],
    ['a dropped connection', { drop: true }, /connection to API in One broke/],
    [
      'an answer cut in the middle',
      { json: { task_id: 't-1', status: 'queued', pad: 'x'.repeat(5000) }, dropAfterBytes: 20 },
      /connection to API in One broke/,
    ],
    ['a 502 (the gateway got no valid answer behind it)', echo(502), /HTTP 502/],
    ['a 504 (the gateway timed out)', echo(504), /HTTP 504/],
    ['an HTML page in a 200', { body: '<html>ok</html>', headers: { 'content-type': 'text/html' } }, /HTML page/],
    [
      'a 200 with no task id',
      { json: { code: 200, message: 'success', data: { status: 'IN_PROGRESS' } } },
      /no task id/,
    ],
  ])('is not sent again after %s, and says the video may exist', async (_name, reply, message) => {
    fake.on('POST', CREATE, reply, created);
    const { client } = makeTestClient(fake.baseUrl, { timeoutMs: 150 });
    const error = await upstreamFailure(client.createTask(body, { idempotencyKey: 'k' }));
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ mayHaveStarted: true, transient: false });
    expect(error.message).toMatch(message);
  });

  it.each<[string, FakeReply, string]>([
    ['a 500', { status: 500, json: { message: 'internal error' } }, 'upstream_error'],
    ['a 402', { status: 402, json: { message: 'Insufficient credits' } }, 'upstream_out_of_credits'],
    ['a 422', { status: 422, json: { message: 'image_url is not reachable' } }, 'upstream_error'],
    ["kie's 402 inside a 200", { json: { code: 402, msg: 'Insufficient credits' } }, 'upstream_out_of_credits'],
  ])('ends at %s, which made nothing', async (_name, reply, taskCode) => {
    fake.on('POST', CREATE, reply, created);
    const { client } = makeTestClient(fake.baseUrl);
    const error = await upstreamFailure(client.createTask(body, { idempotencyKey: 'k' }));
    expect(fake.requests).toHaveLength(1);
    expect(error).toMatchObject({ mayHaveStarted: false, transient: false, taskCode });
  });

  it('is repeated when the connection was refused, since nothing was sent', async () => {
    const closedPort = await unusedPort();
    const calls: string[] = [];
    // The first attempt really goes to a closed port; later ones reach the fake.
    const fetchImpl: typeof fetch = (input, init) => {
      calls.push(String(input));
      const url = calls.length === 1 ? String(input).replace(fake.baseUrl, `http://127.0.0.1:${closedPort}`) : input;
      return fetch(url, init);
    };
    fake.on('POST', CREATE, created);
    const { client } = makeTestClient(fake.baseUrl, { fetchImpl });
    expect((await client.createTask(body)).upstreamTaskId).toBe('t-1');
    expect(calls).toHaveLength(2);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a refused connection clearly once retries run out, as one to try again later', async () => {
    const { client } = makeTestClient(`http://127.0.0.1:${await unusedPort()}`, { maxRetries: 2 });
    const error = await upstreamFailure(client.createTask(body));
    expect(error).toMatchObject({ code: 'upstream_error', transient: true, mayHaveStarted: false, attempts: 3 });
    expect(error.message).toMatch(/^Could not reach API in One \(ECONNREFUSED\)/);
  });
});

describe("the caller's signal", () => {
  it('stops a call at once, with no further retries', async () => {
    fake.on('GET', POLL, { ...running, delayMs: 2_000 });
    const { client } = makeTestClient(fake.baseUrl, { timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failureOf(client.getTask('t-1', { signal: controller.signal }));
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('interrupts the wait between retries', async () => {
    fake.on('GET', POLL, { status: 503 });
    const { client } = makeTestClient(fake.baseUrl, { sleep: undefined, retryBaseMs: 10_000, random: () => 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failureOf(client.getTask('t-1', { signal: controller.signal }));
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.requests).toHaveLength(1);
  });
});

async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
