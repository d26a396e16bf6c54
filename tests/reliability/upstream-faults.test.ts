/**
 * Upstream faults through the whole server in API in One mode, the fake upstream over real HTTP:
 * faults that pass (429 with Retry-After, 502/503/504, 500, cut connections, slow answers,
 * a stalled download) are retried to success under the same Idempotency-Key; answers that will
 * not change (a 4xx refusal, garbage, an unknown status word, success without a link, a failure)
 * end the task failed with a reason a person can read, the raw answer kept (redacted) for
 * support. Every task ends exactly once and the books balance.
 */
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task, type TaskHistory } from '@/shared/contract';
import { getJson, submit, waitForTask } from '../support/api-calls';
import type { TestServer } from '../support/test-server';
import type { FakeReply, FakeRequest } from '../fakes/fake-upstream';
import { CANARY_KEY } from '../support/test-client';
import { bodyFor, startApiInOneServer } from '../support/api-in-one-server';
import { expectBooksBalance } from '../support/expect-books-balance';
import { FAIL_REASON, JobKeepingUpstream, type JobScript } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';

let upstream: JobKeepingUpstream;
let server: TestServer;
let clip: Buffer;

/* An upstream that echoes the Authorization header back, as a careless proxy might: it must never be kept. */
const echoKey = (request: FakeRequest) => String(request.headers.authorization);
const slowly = (reply: Exclude<FakeReply, { drop: true } | ((r: FakeRequest) => FakeReply)>) => ({
  ...reply,
  delayMs: 2500,
});
const stallOnce = (): FakeReply => {
  let served = 0;
  return () => ({
    body: clip,
    headers: { 'content-type': 'video/mp4' },
    ...(served++ === 0 && { stallAfterBytes: 512 }),
  });
};

const SCRIPTS: Record<string, JobScript> = {
  'rate limited': {
    submitFaults: [
      (request) => ({
        status: 429,
        headers: { 'retry-after': '1' },
        json: { message: `slow down ${echoKey(request)}` },
      }),
    ],
  },
  'gateway faults': { submitFaults: [{ status: 502 }, { status: 503 }, { status: 504 }] },
  'dropped connections': { submitFaults: [{ drop: true }], polls: [{ drop: true }, { drop: true }, 'Success'] },
  'slow answers': { polls: [slowly({ json: {} }), slowly({ json: {} }), 'Processing', 'Success'] },
  'garbage to a submit': {
    submitFaults: [{ body: '<html>Service busy</html>', headers: { 'content-type': 'text/html' } }],
  },
  'server error once': { polls: [{ status: 500, json: { message: 'internal' } }, 'Success'] },
  'stalled download': { polls: ['Success'] },
  refused: { submitFaults: [{ status: 422, json: { error: { message: 'The prompt breaks the content policy' } } }] },
  garbage: {
    polls: [
      (request) => ({ body: `<html>Bad gateway ${echoKey(request)}</html>`, headers: { 'content-type': 'text/html' } }),
    ],
  },
  'unknown status word': { polls: [{ json: { data: { status: 'Frobnicating' } } }] },
  'success without a link': { polls: [{ json: { data: { status: 'Success' } } }] },
  'upstream failure': { polls: ['Processing', 'Fail'] },
};

const tasks = new Map<string, Task>();
const histories = new Map<string, TaskHistory>();

beforeAll(async () => {
  clip = await makeUpstreamClip(os.tmpdir());
  upstream = await JobKeepingUpstream.start(clip);
  for (const [prompt, script] of Object.entries(SCRIPTS)) upstream.script(prompt, script);
  upstream.script('stalled download', { polls: ['Success'], video: stallOnce() });
  server = await startApiInOneServer(upstream);
  const created = await Promise.all(Object.keys(SCRIPTS).map((prompt) => submit(server, bodyFor(prompt))));
  await Promise.all(
    created.map(async ({ task_id }, i) => {
      const task = await waitForTask(server, task_id, undefined, 40_000);
      tasks.set(Object.keys(SCRIPTS)[i]!, task);
      histories.set(task_id, await getJson(server, `/api/v1/tasks/${task_id}/history`, taskHistorySchema));
    }),
  );
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await upstream?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const taskOf = (prompt: string) => tasks.get(prompt)!;
const historyOf = (prompt: string) => histories.get(taskOf(prompt).task_id)!;

describe('faults that pass are retried to success, one upstream job per task', () => {
  it.each([
    'rate limited',
    'gateway faults',
    'dropped connections',
    'slow answers',
    'server error once',
    'stalled download',
    'garbage to a submit',
  ])('%s', (prompt) => {
    const task = taskOf(prompt);
    expect(task).toMatchObject({ status: 'succeeded', charged_credits: 30 });
    expect(upstream.jobsPerKey.get(task.task_id)).toBe(1);
    for (const sent of upstream.submitsOf(task.task_id)) expect(sent.headers['idempotency-key']).toBe(task.task_id);
  });

  it('waits as long as Retry-After says before sending a rate-limited submit again', () => {
    const key = taskOf('rate limited').task_id;
    const times = upstream.submitArrivals.filter((a) => a.key === key).map((a) => a.at);
    expect(times).toHaveLength(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(990);
  });

  it('downloads a stalled video again, polls through cut and slow answers', () => {
    expect(upstream.downloadsOf(upstream.jobOfKey(taskOf('stalled download').task_id)!.id)).toBe(2);
    expect(upstream.pollsOf(upstream.jobOfKey(taskOf('dropped connections').task_id)!.id)).toBeGreaterThanOrEqual(3);
    expect(upstream.pollsOf(upstream.jobOfKey(taskOf('slow answers').task_id)!.id)).toBeGreaterThanOrEqual(4);
  });
});

describe('answers that will not change end the task failed, with a reason and the raw answer kept', () => {
  it('does not retry a 4xx refusal, and says why', () => {
    const task = taskOf('refused');
    expect(task).toMatchObject({ status: 'failed', charged_credits: 0, error: { code: 'upstream_error' } });
    expect(task.error!.message).toBe(
      'API in One refused the request (HTTP 422): The prompt breaks the content policy. No credits were charged.',
    );
    expect(upstream.submitsOf(task.task_id)).toHaveLength(1);
    expect(historyOf('refused').upstream.at(-1)).toMatchObject({ operation: 'submit', http_status: 422 });
  });

  it.each([
    ['garbage', /HTML page, not JSON\. No credits were charged\.$/],
    ['unknown status word', /^API in One answered .* unknown status "Frobnicating"\. No credits were charged\.$/],
    ['success without a link', /succeeded but no video URL was found\. No credits were charged\.$/],
    ['upstream failure', new RegExp(FAIL_REASON)],
  ])('%s', (prompt, reason) => {
    const task = taskOf(prompt);
    expect(task).toMatchObject({ status: 'failed', charged_credits: 0, result: null });
    expect(task.error!.message).toMatch(reason);
    const kept = historyOf(prompt).upstream.filter((x) => x.operation === 'poll');
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((x) => x.body !== null)).toBe(true);
  });

  it('keeps raw answers for support with the API key removed', () => {
    const raw = JSON.stringify(historyOf('garbage').upstream);
    expect(raw).toContain('Bad gateway');
    expect(raw).toContain('[redacted]');
    expect(JSON.stringify([...histories.values()])).not.toContain(CANARY_KEY);
  });
});

describe('the books', () => {
  it('charge every succeeded task once and no other, and add up', async () => {
    const all = await expectBooksBalance(server, 0);
    expect(all).toHaveLength(Object.keys(SCRIPTS).length);
  });
});
