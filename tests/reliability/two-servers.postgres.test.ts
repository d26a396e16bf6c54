/**
 * Two server processes on one PostgreSQL database, in API in One mode against one job-keeping
 * upstream. Server A takes six tasks and is held mid-submit (the upstream has made the jobs,
 * the answers are late); server B starts beside it and leaves them alone while A renews its
 * leases. A is SIGKILLed: B takes every task over within seconds (A's presence in the database
 * ends with its connection; a lease at the latest), sends each submit again under
 * the same Idempotency-Key (the upstream finds the job the first one made), and ends each task
 * exactly once, charged once.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';
import { getJson, submit, waitForTasksToEnd } from '../support/api-calls';
import { bodyFor } from '../support/api-in-one-server';
import { expectBooksBalance } from '../support/expect-books-balance';
import { ServerProcess } from '../support/server-process';
import { testDatabaseEnv } from '../support/test-database';
import { CANARY_KEY } from '../support/test-client';
import { makeDataDir } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

const LEASE_MS = 3000;
const HOLD_MS = 60_000;
const PROMPTS = Array.from({ length: 6 }, (_, i) => `shared work ${i}`);

let upstream: JobKeepingUpstream;
let a: ServerProcess;
let b: ServerProcess;
let ids: string[] = [];

beforeAll(async () => {
  const dirs = [makeDataDir(), makeDataDir()];
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(dirs[0]!));
  for (const prompt of PROMPTS) upstream.script(prompt, { polls: ['Processing', 'Success'] });
  const env = {
    LOG_LEVEL: 'error',
    APIINONE_API_KEY: CANARY_KEY,
    APIINONE_BASE_URL: upstream.baseUrl,
    APIINONE_TIMEOUT_MS: String(HOLD_MS),
    APIINONE_DOWNLOAD_TIMEOUT_MS: String(HOLD_MS),
    TASK_LEASE_MS: String(LEASE_MS),
    // The person's photo is served by the fake upstream on loopback, which the servers fetch and hand over.
    UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
    // One database for both, each server its own DATA_DIR (media and scratch files).
    ...(await testDatabaseEnv(dirs[0]!)),
  };
  a = await ServerProcess.create(dirs[0]!, env);
  b = await ServerProcess.create(dirs[1]!, env);
});
afterAll(async () => {
  for (const server of [a, b]) {
    await server?.kill();
    if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  await upstream?.close();
});

describe('two servers on one database', () => {
  it('server A holds its tasks mid-submit, and B, started beside it, leaves them alone', async () => {
    await a.start();
    upstream.submitDelayMs = HOLD_MS;
    ids = (await Promise.all(PROMPTS.map((prompt) => submit(a, bodyFor(upstream, prompt))))).map((c) => c.task_id);
    await waitUntil('every submit to reach the upstream', () => upstream.jobs.size === PROMPTS.length);
    await b.start();
    // Two and a half leases: renewed by A all along, so B sends nothing.
    await new Promise((r) => setTimeout(r, LEASE_MS * 2.5));
    for (const id of ids) expect(upstream.submitsOf(id)).toHaveLength(1);
    // Either server answers for every task.
    const seen = await Promise.all(ids.map((id) => getJson(b, `/api/v1/tasks/${id}/history`, taskHistorySchema)));
    expect(seen.map((h) => h.task_id)).toEqual(ids);
  });

  it('A is killed mid-submit: B takes every task over within a lease, sends none again, ends each once for support', async () => {
    const killedAt = Date.now();
    await a.kill();
    await waitForTasksToEnd(b, ids, 30_000);

    for (const id of ids) {
      // API in One documents no Idempotency-Key: a submit that may have reached it is never resent.
      expect(upstream.submitsOf(id)).toHaveLength(1);
      const { events } = await getJson(b, `/api/v1/tasks/${id}/history`, taskHistorySchema);
      expect(events.filter((e) => isFinalStatus(e.status))).toHaveLength(1);
      const recoveries = events.filter((e) => e.source === 'recovery');
      expect(recoveries.map((e) => e.message)).toEqual([expect.stringMatching(/it is not sent again/)]);
      expect(Date.parse(recoveries[0]!.at) - killedAt).toBeLessThan(LEASE_MS + 6000);
    }
    const tasks = await expectBooksBalance(b, 0);
    expect(tasks.map((t) => [t.status, t.attention?.reason])).toEqual(
      Array(PROMPTS.length).fill(['failed', 'submit_unknown']),
    );
  });
});
