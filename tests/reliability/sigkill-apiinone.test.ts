/**
 * Restart safety in API in One mode with a real process kill: the server (its own process) gets a
 * batch of 8 tasks and is SIGKILLed mid-submit (the upstream has made the jobs, the answers are
 * lost), mid-poll and mid-download, and restarted on the same DATA_DIR each time. Every task ends
 * exactly once; the upstream made exactly one job per task (the re-sent submits carried the same
 * Idempotency-Key); succeeded tasks are charged once, failed ones never; the books balance.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, type Task } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import type { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { getJson, submit, waitForTasksToEnd } from '../support/api-calls';
import { bodyFor, createApiInOneProcess, removeApiInOneProcess } from '../support/api-in-one-server';
import { allTasks, expectBooksBalance } from '../support/expect-books-balance';
import type { ServerProcess } from '../support/server-process';
import { waitUntil } from '../support/wait-until';

const PROMPTS = Array.from({ length: 8 }, (_, i) => (i % 4 === 3 ? `will fail ${i}` : `will succeed ${i}`));
const HOLD_MS = 60_000;

let upstream: JobKeepingUpstream;
let server: ServerProcess;
let dataDir: string;
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

const everyJob = (count: (jobId: string) => number) => [...upstream.jobs.keys()].every((id) => count(id) > 0);

describe('SIGKILL during a batch, API in One mode', () => {
  it('is killed mid-submit, after the upstream made the jobs but before its answers arrived', async () => {
    upstream.submitDelayMs = HOLD_MS;
    ids = (await Promise.all(PROMPTS.map((prompt) => submit(server, bodyFor(prompt))))).map((c) => c.task_id);
    await waitUntil('every submit to reach the upstream', () => upstream.jobs.size === PROMPTS.length);
    await server.kill();
    expect(upstream.jobs.size).toBe(PROMPTS.length);
  });

  it('is killed mid-poll, after re-sending each submit under its Idempotency-Key', async () => {
    upstream.submitDelayMs = 0;
    upstream.pollDelayMs = HOLD_MS;
    await server.start();
    await waitUntil('a poll of every job', () => everyJob((id) => upstream.pollsOf(id)));
    await server.kill();
    for (const id of ids) expect(upstream.submitsOf(id).length).toBe(2);
    expect(upstream.jobs.size).toBe(PROMPTS.length);
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
    ended = await allTasks(server);
    expect(ended.map((t) => t.status).sort()).toEqual([...Array(2).fill('failed'), ...Array(6).fill('succeeded')]);
    for (const task of ended) {
      const { events } = await getJson(server, `/api/v1/tasks/${task.task_id}/history`, taskHistorySchema);
      expect(events.filter((e) => isFinalStatus(e.status))).toHaveLength(1);
      const recoveries = events.filter((e) => e.source === 'recovery').map((e) => e.message);
      // The first restart found a submit that may have reached the upstream: re-sent under the same key.
      expect(recoveries[0]).toMatch(/sent again with the same Idempotency-Key/);
      // Failing jobs end at the poll after the second restart; the others were still downloading at the third.
      expect(recoveries).toHaveLength(task.status === 'succeeded' ? 3 : 2);
    }
    const videos = fs.readdirSync(path.join(dataDir, 'media', 'videos')).sort();
    expect(videos).toEqual(
      ended
        .filter((t) => t.status === 'succeeded')
        .map((t) => `${t.task_id}.mp4`)
        .sort(),
    );
  });

  it('made one upstream job per task, every submit under that task’s own key', () => {
    expect(upstream.jobs.size).toBe(PROMPTS.length);
    expect([...upstream.jobsPerKey.entries()].sort()).toEqual(ids.map((id) => [id, 1]).sort());
    const keys = upstream.fake
      .requestsTo('POST', '/api/v1/videos/generations')
      .map((r) => r.headers['idempotency-key']);
    expect(keys.every((key) => typeof key === 'string' && ids.includes(key))).toBe(true);
  });

  it('charged each succeeded task once and nothing else: the books balance', async () => {
    await expectBooksBalance(server, 0);
    expect(ended.filter((t) => t.status === 'failed').every((t) => t.error?.message.includes('moderation'))).toBe(true);
  });
});
