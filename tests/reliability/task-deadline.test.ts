/**
 * The task deadline (TASK_DEADLINE_MS, small here) in API in One mode: a task the upstream cannot
 * take ends failed saying how long it had and what last went wrong; one still generating ends
 * failed at the deadline; and one the upstream finished just before it is saved and charged,
 * not thrown away. None stays queued or running, and the books balance.
 */
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '@/shared/contract';
import { submit, waitForTask } from '../support/api-calls';
import type { TestServer } from '../support/test-server';
import { bodyFor, startApiInOneServer } from '../support/api-in-one-server';
import { expectBooksBalance } from '../support/expect-books-balance';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';

const DEADLINE_MS = 2500;
let upstream: JobKeepingUpstream;
let server: TestServer;

beforeAll(async () => {
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(os.tmpdir()));
  upstream
    .script('never accepted', { submitFaults: Array.from({ length: 50 }, () => ({ status: 503 })) })
    .script('still generating', { polls: ['Processing'] })
    .script('finished at the wire', { polls: ['Success'] });
  // The first poll comes about 3 s after the submit: past this deadline.
  server = await startApiInOneServer(upstream, { TASK_DEADLINE_MS: String(DEADLINE_MS) });
  await finishAll();
});
afterAll(async () => {
  await server.stop();
  await upstream.close();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const PROMPTS = ['never accepted', 'still generating', 'finished at the wire'] as const;
const ended = new Map<string, { task: Task; tookMs: number }>();

/* The three run side by side: each ends on its own, whatever the others do. */
async function finishAll() {
  await Promise.all(
    PROMPTS.map(async (prompt) => {
      const created = await submit(server, bodyFor(upstream, prompt));
      const started = Date.now();
      const task = await waitForTask(server, created.task_id, undefined, 20_000);
      ended.set(prompt, { task, tookMs: Date.now() - started });
    }),
  );
}
const finish = (prompt: (typeof PROMPTS)[number]) => ended.get(prompt)!;

describe('the deadline', () => {
  it('ends a task the upstream never takes, saying how long it had and what last went wrong', () => {
    const { task, tookMs } = finish('never accepted');
    expect(task).toMatchObject({ status: 'failed', charged_credits: 0, error: { code: 'deadline_exceeded' } });
    expect(task.error!.message).toMatch(
      /^The task did not finish within 3 seconds, so it was stopped\. The last attempt failed: API in One is unavailable right now \(HTTP 503\).*\. No credits were charged\.$/,
    );
    expect(tookMs).toBeLessThan(DEADLINE_MS + 12_000);
  });

  it('ends a task still generating at the deadline, uncharged', () => {
    const { task } = finish('still generating');
    expect(task).toMatchObject({ status: 'failed', charged_credits: 0, error: { code: 'deadline_exceeded' } });
    expect(task.error!.message).toBe(
      'The task did not finish within 3 seconds, so it was stopped. No credits were charged.',
    );
  });

  it('keeps a video the upstream finished just before the deadline: one last look, saved and charged', () => {
    const { task } = finish('finished at the wire');
    expect(task).toMatchObject({ status: 'succeeded', charged_credits: 30 });
    expect(task.result).not.toBeNull();
  });

  it('leaves the books balanced', async () => {
    await expectBooksBalance(server, 0);
  });
});
