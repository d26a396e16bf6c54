/**
 * Restart safety in API in One mode with a real process kill: the server (its own process) is
 * SIGKILLed mid-submit (the upstream has made the jobs, the answers are lost), mid-poll and
 * mid-download, and restarted on the same DATA_DIR each time. API in One documents no
 * idempotency, so a submit cut short is never sent again: those tasks end needing a person (the
 * upstream may bill their videos), uncharged by us. Every other task ends exactly once; the
 * upstream got exactly one submit per task; succeeded tasks are charged once, failed ones never;
 * the books balance.
 *
 * Changed on purpose with issue 17: the mid-submit tasks used to be re-sent under the same
 * Idempotency-Key after the restart, which is only safe if the upstream honours the key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import type { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { getJson, getTask, submit, waitForTasksToEnd } from '../support/api-calls';
import { bodyFor, createApiInOneProcess, removeApiInOneProcess } from '../support/api-in-one-server';
import { allTasks, expectBooksBalance } from '../support/expect-books-balance';
import type { ServerProcess } from '../support/server-process';
import { waitUntil } from '../support/wait-until';

const CUT_SHORT = Array.from({ length: 4 }, (_, i) => `cut short ${i}`);
const PROMPTS = Array.from({ length: 8 }, (_, i) => (i % 4 === 3 ? `will fail ${i}` : `will succeed ${i}`));
const HOLD_MS = 60_000;

let upstream: JobKeepingUpstream;
let server: ServerProcess;
let dataDir: string;
let cutShort: string[] = [];
let ids: string[] = [];
let ended: Task[] = [];

beforeAll(async () => {
  // Call deadlines long enough that the held answers below are still pending when the kill comes.
  ({ dataDir, upstream, server } = await createApiInOneProcess(HOLD_MS));
  for (const prompt of PROMPTS) {
    upstream.script(prompt, {
      polls: prompt.startsWith('will fail') ? ['Processing', 'Fail'] : ['Processing', 'Success'],
    });
  }
  await server.start();
});
afterAll(() => removeApiInOneProcess({ dataDir, upstream, server }));

const everyJob = (jobs: readonly string[], count: (jobId: string) => number) => jobs.every((id) => count(id) > 0);
const jobsOf = (taskIds: readonly string[]) => taskIds.map((id) => upstream.jobOfKey(id)!.id);

describe('SIGKILL mid-submit, API in One mode', () => {
  it('is killed after the upstream made the jobs but before its answers arrived', async () => {
    upstream.submitDelayMs = HOLD_MS;
    cutShort = (await Promise.all(CUT_SHORT.map((prompt) => submit(server, bodyFor(upstream, prompt))))).map(
      (c) => c.task_id,
    );
    await waitUntil('every submit to reach the upstream', () => upstream.jobs.size === CUT_SHORT.length);
    await server.kill();
  });

  it('restarted, ends those tasks needing a person, sending none of them again', async () => {
    upstream.submitDelayMs = 0;
    await server.start();
    await waitForTasksToEnd(server, cutShort);
    for (const id of cutShort) {
      const task = await getTask(server, id);
      expect(task).toMatchObject({
        status: 'failed',
        charged_credits: 0,
        error: { code: 'submit_unknown' },
        attention: { reason: 'submit_unknown' },
      });
      expect(task.error!.message).toMatch(/cut short before its answer was recorded .* It was not sent again/);
      const { events } = await getJson(server, `/api/v1/tasks/${id}/history`, taskHistorySchema);
      expect(events.find((e) => e.source === 'recovery')?.message).toMatch(/it is not sent again/);
      // The upstream has the job (and may bill it); it never got a second submit.
      expect(upstream.submitsOf(id)).toHaveLength(1);
    }
  });
});

describe('SIGKILL during a batch after its submits were answered, API in One mode', () => {
  it('is killed mid-poll', async () => {
    upstream.pollDelayMs = HOLD_MS;
    ids = (await Promise.all(PROMPTS.map((prompt) => submit(server, bodyFor(upstream, prompt))))).map((c) => c.task_id);
    await waitUntil('every submit answered', async () =>
      (await Promise.all(ids.map((id) => getTask(server, id)))).every((t) => t.upstream_task_id !== null),
    );
    await waitUntil('a poll of every job', () => everyJob(jobsOf(ids), (id) => upstream.pollsOf(id)));
    await server.kill();
  });

  it('is killed mid-download of the finished videos', async () => {
    upstream.pollDelayMs = 0;
    upstream.stallDownloads = true;
    await server.start();
    const videos = path.join(dataDir, 'media', 'videos');
    const halfWritten = () => fs.readdirSync(videos).filter((name) => name.includes('.part')).length;
    // Each finished video has started to arrive (its half-written file exists) and stalls there.
    await waitUntil('a half-written copy of every finished video', () => halfWritten() === 6);
    await server.kill();
    expect(halfWritten()).toBe(6);
  });

  it('after the last restart, ends every task exactly once', async () => {
    upstream.stallDownloads = false;
    await server.start();
    await waitForTasksToEnd(server, ids);
    ended = (await allTasks(server)).filter((t) => ids.includes(t.task_id));
    expect(ended.map((t) => t.status).sort()).toEqual([...Array(2).fill('failed'), ...Array(6).fill('succeeded')]);
    for (const task of ended) {
      const { events } = await getJson(server, `/api/v1/tasks/${task.task_id}/history`, taskHistorySchema);
      expect(events.filter((e) => isFinalStatus(e.status))).toHaveLength(1);
      const recoveries = events.filter((e) => e.source === 'recovery').map((e) => e.message);
      expect(recoveries.every((message) => message === 'Picked up after a restart.')).toBe(true);
      // Failing jobs end at the poll after the first restart; the others were still downloading at the second.
      expect(recoveries).toHaveLength(task.status === 'succeeded' ? 2 : 1);
    }
    const videos = fs.readdirSync(path.join(dataDir, 'media', 'videos')).sort();
    expect(videos).toEqual(
      ended
        .filter((t) => t.status === 'succeeded')
        .map((t) => `${t.task_id}.mp4`)
        .sort(),
    );
  });
});

describe('the upstream and the books', () => {
  it('got exactly one submit per task, each under that task’s own key, and made one job each', () => {
    const all = [...cutShort, ...ids];
    expect(upstream.jobs.size).toBe(all.length);
    expect([...upstream.jobsPerKey.entries()].sort()).toEqual(all.map((id) => [id, 1]).sort());
    const keys = upstream.fake
      .requestsTo('POST', '/api/v1/videos/generations')
      .map((r) => r.headers['idempotency-key']);
    expect([...keys].sort()).toEqual([...all].sort());
  });

  it('charged each succeeded task once and nothing else: the books balance', async () => {
    await expectBooksBalance(server, 0);
    expect(ended.filter((t) => t.status === 'failed').every((t) => t.error?.message.includes('moderation'))).toBe(true);
  });
});
