/**
 * The upstream's webhook is only a hint to poll now, through the whole server in API in One mode:
 * a forged one (wrong secret) is refused and changes nothing, a "success" body is never believed
 * (only our poll decides, and its link is never fetched), duplicates end a task once, and late or
 * out-of-order ones never move a task back or past what the upstream says.
 */
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task } from '@/shared/contract';
import { getJson, getTask, submit, waitForTask } from '../support/api-calls';
import type { TestServer } from '../support/test-server';
import type { FakeReply, FakeRequest } from '../fakes/fake-upstream';
import { bodyFor, startApiInOneServer } from '../support/api-in-one-server';
import { expectBooksBalance } from '../support/expect-books-balance';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { waitUntil } from '../support/wait-until';
import { makeUpstreamClip } from '../fakes/upstream-clip';

let upstream: JobKeepingUpstream;
let server: TestServer;
/** What the upstream says about each job when polled; the tests move it along. */
const upstreamSays = new Map<string, string>();

/* The first scheduled poll comes about 3 s after a submit: a poll sooner than this was made by a hint. */
const BEFORE_FIRST_POLL_MS = 1500;

function answer(request: FakeRequest): FakeReply {
  const id = request.path.split('?')[0]!.split('/').pop()!;
  const status = upstreamSays.get(id) ?? 'Processing';
  return { json: { data: { task_id: id, status, ...(status === 'Success' && upstream.resultLinks(id)) } } };
}

beforeAll(async () => {
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(os.tmpdir()));
  for (const prompt of ['forged', 'believed', 'duplicated', 'out of order'])
    upstream.script(prompt, { polls: [answer] });
  server = await startApiInOneServer(upstream);
});
afterAll(async () => {
  await server.stop();
  await upstream.close();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

function hook(body: unknown, secret = server.services.webhookSecret) {
  return server.fetch(`/api/v1/webhooks/apiinone/${secret}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function sent(prompt: string): Promise<{ task: Task; job: string }> {
  const created = await submit(server, bodyFor(upstream, prompt));
  const task = await waitForTask(server, created.task_id, (t) => t.upstream_task_id !== null, 5000);
  return { task, job: task.upstream_task_id! };
}

const history = (id: string) => getJson(server, `/api/v1/tasks/${id}/history`, taskHistorySchema);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const success = (job: string) => ({
  data: { task_id: job, status: 'Success', video_url: `${upstream.baseUrl}/files/evil.mp4` },
});

describe('the upstream webhook', () => {
  it('with a wrong secret is refused and changes nothing, not even a poll', async () => {
    const { task, job } = await sent('forged');
    for (const secret of ['wrong-secret', `${server.services.webhookSecret}x`, '']) {
      expect([401, 404]).toContain((await hook(success(job), secret)).status);
    }
    await pause(BEFORE_FIRST_POLL_MS - 500);
    expect(upstream.pollsOf(job)).toBe(0);
    expect((await history(task.task_id)).upstream.filter((x) => x.operation === 'webhook')).toEqual([]);
    // As the submit's answer left it (API in One's create answer says IN_PROGRESS).
    expect((await getTask(server, task.task_id)).status).toBe(task.status);
  });

  it('saying "success" is not believed: the task polls at once, stays running, and the link is never fetched', async () => {
    const { task, job } = await sent('believed');
    expect((await hook(success(job))).status).toBe(202);
    await waitUntil('the hinted poll', () => upstream.pollsOf(job) > 0, BEFORE_FIRST_POLL_MS);
    const after = await waitForTask(server, task.task_id, (t) => t.status === 'running', 2000);
    expect(after).toMatchObject({ status: 'running', charged_credits: 0, result: null });
    expect(upstream.fake.requestsTo('GET', /^\/files\/evil\.mp4/)).toEqual([]);
  });

  it('sent twenty times at once ends the task once: one download, one charge', async () => {
    const { task, job } = await sent('duplicated');
    upstreamSays.set(job, 'Success');
    const answers = await Promise.all(Array.from({ length: 20 }, () => hook({ task_id: job, status: 'Success' })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(202));
    const done = await waitForTask(server, task.task_id, undefined, 10_000);
    expect(done).toMatchObject({ status: 'succeeded', charged_credits: 30 });
    const story = await history(task.task_id);
    expect(story.events.filter((e) => e.status === 'succeeded')).toHaveLength(1);
    expect(story.ledger).toHaveLength(1);
    expect(upstream.downloadsOf(job)).toBe(1);
    // A hint during a poll waits for it: twenty hints are a handful of polls, not twenty.
    expect(upstream.pollsOf(job)).toBeLessThanOrEqual(3);

    // Late, contradicting webhooks change nothing, and a finished task is not polled again.
    const polls = upstream.pollsOf(job);
    for (const status of ['Fail', 'Processing', 'Queueing'])
      expect((await hook({ task_id: job, status })).status).toBe(202);
    await pause(500);
    expect(await getTask(server, task.task_id)).toMatchObject({ status: 'succeeded', charged_credits: 30 });
    expect(upstream.pollsOf(job)).toBe(polls);
  });

  it('out of order never moves a task back: running stays running when the upstream says queued', async () => {
    const { task, job } = await sent('out of order');
    upstreamSays.set(job, 'Processing');
    await hook({ task_id: job });
    await waitForTask(server, task.task_id, (t) => t.status === 'running', 3000);
    upstreamSays.set(job, 'Queueing');
    const polls = upstream.pollsOf(job);
    await hook({ task_id: job, status: 'Queueing' });
    await waitUntil('the hinted poll', () => upstream.pollsOf(job) > polls, 3000);
    await pause(200);
    expect((await getTask(server, task.task_id)).status).toBe('running');
    upstreamSays.set(job, 'Success');
    await hook({ task_id: job, status: 'Success' });
    expect(await waitForTask(server, task.task_id, undefined, 10_000)).toMatchObject({ status: 'succeeded' });
  });

  it('about a task we do not know, or with no id at all, is taken and ignored', async () => {
    expect(await (await hook({ task_id: 'job-nobody', status: 'Success' })).json()).toEqual({
      received: true,
      task_known: false,
    });
    const garbage = await server.fetch(`/api/v1/webhooks/apiinone/${server.services.webhookSecret}`, {
      method: 'POST',
      body: '<<not json>>',
    });
    expect(garbage.status).toBeLessThan(500);
  });

  it('leaves the books balanced once every task has ended', async () => {
    for (const [job] of upstream.jobs) upstreamSays.set(job, 'Success');
    for (const [job] of upstream.jobs) await hook({ task_id: job });
    await waitUntil('every task to end', async () => {
      const tasks = await Promise.all([...upstream.jobs.values()].map((j) => getTask(server, j.key!)));
      return tasks.every((t) => t.status === 'succeeded');
    });
    await expectBooksBalance(server, 0);
  });
});
