/**
 * Idempotency-Key on `POST /api/v1/videos/generations`, through the whole server in API in One
 * mode: a retried submit answers the first task and never starts a second upstream job (counted
 * at the fake upstream), another body under the same key is refused, a key still being handled
 * answers 409, and a key keeps answering for at least 24 hours.
 */
import fs from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generationCreatedSchema } from '@/shared/contract';
import { generationBodyHash } from '@/server/tasks/generation-body-hash';
import { expectError, postGeneration, submit, waitForTask } from '../support/api-calls';
import type { TestServer } from '../support/test-server';
import { forgetExpiredKeys } from '@/server/tasks/idempotency-retention';
import { isFinalStatus } from '@/shared/status';
import { bodyFor, startApiInOneServer } from '../support/api-in-one-server';
import { allTasks, expectBooksBalance } from '../support/expect-books-balance';
import { waitUntil } from '../support/wait-until';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';

const HOUR = 60 * 60_000;
let upstream: JobKeepingUpstream;
let server: TestServer;

beforeAll(async () => {
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(os.tmpdir()));
  server = await startApiInOneServer(upstream);
});
afterAll(async () => {
  await server.stop();
  await upstream.close();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const sentToUpstream = (taskId: string) => waitForTask(server, taskId, (t) => t.upstream_task_id !== null, 10_000);

describe('the same key with the same body', () => {
  it('answers the first task again, and the upstream gets one job for it', async () => {
    const body = bodyFor(upstream, 'Same key, same body');
    const first = await submit(server, body, { 'Idempotency-Key': 'same-1' });
    await sentToUpstream(first.task_id);
    const again = await postGeneration(server, body, { 'Idempotency-Key': 'same-1' });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(generationCreatedSchema.parse(await again.json()).task_id).toBe(first.task_id);

    await new Promise((r) => setTimeout(r, 300)); // room for a second upstream job, were one started
    expect(upstream.submitsOf(first.task_id)).toHaveLength(1);
    expect(upstream.jobsPerKey.get(first.task_id)).toBe(1);
    expect([...upstream.jobs.values()].filter((j) => j.prompt === body.prompt)).toHaveLength(1);
  });

  it('makes one task and one upstream job from ten identical requests sent at once', async () => {
    const body = bodyFor(upstream, 'Ten at once');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => postGeneration(server, body, { 'Idempotency-Key': 'burst-1' })),
    );
    const accepted: string[] = [];
    for (const answer of answers) {
      if (answer.status === 409) await expectError(answer, 409, 'idempotency_in_flight');
      else {
        expect(answer.status).toBe(202);
        accepted.push(generationCreatedSchema.parse(await answer.json()).task_id);
      }
    }
    expect(accepted.length).toBeGreaterThan(0);
    expect(new Set(accepted).size).toBe(1);
    await sentToUpstream(accepted[0]!);
    await new Promise((r) => setTimeout(r, 300));
    expect([...upstream.jobs.values()].filter((j) => j.prompt === body.prompt)).toHaveLength(1);
  });
});

describe('the same key with another body', () => {
  it('is refused with 422 saying so, and nothing reaches the upstream', async () => {
    const first = await submit(server, bodyFor(upstream, 'First body'), { 'Idempotency-Key': 'other-1' });
    const message = await expectError(
      await postGeneration(server, bodyFor(upstream, 'Second body'), { 'Idempotency-Key': 'other-1' }),
      422,
      'idempotency_conflict',
    );
    expect(message).toMatch(/already used with a different request/);
    await sentToUpstream(first.task_id);
    await new Promise((r) => setTimeout(r, 300));
    expect([...upstream.jobs.values()].filter((j) => j.prompt === 'Second body')).toEqual([]);
  });
});

describe('a key still being handled', () => {
  // Made when the tests run: the upstream (which hosts the image) is started by then.
  const held = () => bodyFor(upstream, 'Held by a request that has not finished');
  const hash = () => generationBodyHash({ ...held(), duration: '6', resolution: '768P' });

  it('answers 409 with Retry-After while another request holds it, and creates nothing', async () => {
    await server.services.store.idempotency.reserve('held-1', hash(), Date.now(), 60_000);
    const response = await postGeneration(server, held(), { 'Idempotency-Key': 'held-1' });
    expect(response.headers.get('retry-after')).toBe('1');
    await expectError(response, 409, 'idempotency_in_flight');
    await new Promise((r) => setTimeout(r, 300));
    expect([...upstream.jobs.values()].filter((j) => j.prompt === held().prompt)).toEqual([]);
  });

  it('is taken over once the request that held it must have died (a minute), making one task', async () => {
    await server.services.store.idempotency.reserve('held-2', hash(), Date.now() - 61_000, 60_000);
    const created = await submit(server, held(), { 'Idempotency-Key': 'held-2' });
    await sentToUpstream(created.task_id);
    expect(upstream.jobsPerKey.get(created.task_id)).toBe(1);
  });
});

describe('keeping keys', () => {
  it('answers a retry 24 hours later with the first task, and forgets the key only after 48 hours', async () => {
    const body = bodyFor(upstream, 'Kept a day');
    const first = await submit(server, body, { 'Idempotency-Key': 'kept-1' });
    const { idempotency } = server.services.store;

    await forgetExpiredKeys(idempotency, Date.now() + 24 * HOUR);
    expect((await submit(server, body, { 'Idempotency-Key': 'kept-1' })).task_id).toBe(first.task_id);
    await forgetExpiredKeys(idempotency, Date.now() + 47 * HOUR);
    expect((await submit(server, body, { 'Idempotency-Key': 'kept-1' })).task_id).toBe(first.task_id);

    expect(await forgetExpiredKeys(idempotency, Date.now() + 49 * HOUR)).toBeGreaterThan(0);
    expect((await submit(server, body, { 'Idempotency-Key': 'kept-1' })).task_id).not.toBe(first.task_id);
  });
});

describe('the books', () => {
  it('charge each task these submits made once, when it succeeds', async () => {
    await waitUntil('every task to end', async () => (await allTasks(server)).every((t) => isFinalStatus(t.status)));
    const tasks = await expectBooksBalance(server, 0);
    expect(tasks.length).toBe(upstream.jobs.size);
  });
});
