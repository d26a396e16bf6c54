/**
 * A new task on one server wakes the others (PostgreSQL LISTEN/NOTIFY). Two server processes
 * on one database, in API in One mode: server A's submit slots are all taken by submits the
 * upstream holds, so A cannot start another task; B, idle, looks for work on its own only every
 * few seconds (the tracker's idle interval, 5 s). Each task submitted to A must reach the
 * upstream through B well within that: B was woken. Then B's listening connection is cut by
 * the database, and after it is back a new task wakes B the same way.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';
import { submit } from '../support/api-calls';
import { bodyFor } from '../support/api-in-one-server';
import { ServerProcess } from '../support/server-process';
import { runAsAdmin, testDatabaseEnv } from '../support/test-database';
import { CANARY_KEY } from '../support/test-client';
import { makeDataDir } from '../support/test-server';
import { waitUntil } from '../support/wait-until';

/** The tracker's own look for work when nothing is due (WakeableLoop's idle interval). */
const IDLE_LOOK_MS = 5000;
/** Woken: the task reaches the upstream within this of A's answer (B fetches and re-encodes the image first). */
const WOKEN_WITHIN_MS = 2000;
const SUBMIT_SLOTS = 8;
const HOLD_MS = 60_000;

let upstream: JobKeepingUpstream;
let a: ServerProcess;
let b: ServerProcess;
let schema = '';

beforeAll(async () => {
  const dirs = [makeDataDir(), makeDataDir()];
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(dirs[0]!));
  const database = await testDatabaseEnv(dirs[0]!);
  schema = /search_path=(\w+)/.exec(new URL(database.DATABASE_URL!).searchParams.get('options') ?? '')![1]!;
  const env = {
    LOG_LEVEL: 'error',
    APIINONE_API_KEY: CANARY_KEY,
    APIINONE_BASE_URL: upstream.baseUrl,
    APIINONE_TIMEOUT_MS: String(HOLD_MS),
    // The person's image is on the fake upstream, on loopback.
    UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
    ...database,
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

/** Submits a task to A; answers how long after A's answer its submit reached the upstream. */
async function delayToUpstream(prompt: string): Promise<number> {
  const { task_id: id } = await submit(a, bodyFor(upstream, prompt));
  const answeredAt = Date.now();
  await waitUntil(`${id} to reach the upstream`, () => upstream.submitsOf(id).length > 0, IDLE_LOOK_MS * 3);
  return upstream.submitArrivals.find((s) => s.key === id)!.at - answeredAt;
}

describe('a new task on one server wakes the others', () => {
  it('is started by an idle server at once while the server that took it is busy', async () => {
    await a.start();
    upstream.submitDelayMs = HOLD_MS;
    await Promise.all(Array.from({ length: SUBMIT_SLOTS }, (_, i) => submit(a, bodyFor(upstream, `busy ${i}`))));
    await waitUntil('A to fill its submit slots', () => upstream.jobs.size === SUBMIT_SLOTS);
    await b.start();
    // B's first look is behind it: from now on it looks on its own only every IDLE_LOOK_MS.
    await new Promise((r) => setTimeout(r, 1000));

    const delays: number[] = [];
    for (let i = 0; i < 4; i++) delays.push(await delayToUpstream(`woken ${i}`));
    // Every one of them: a server that only looked on its own schedule would miss most.
    for (const delay of delays) expect(delay, `delays ${delays.join(', ')} ms`).toBeLessThan(WOKEN_WITHIN_MS);
    // A made none of them: its slots were all taken.
    expect(upstream.submitArrivals).toHaveLength(SUBMIT_SLOTS + delays.length);
  });

  it('listens again after the database cut its listening connection', async () => {
    const cut = `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE application_name = 'hailuo-studio wakes' AND query = 'LISTEN "hailuo_wake_${schema}"'`;
    await runAsAdmin(cut);
    // Both servers' listeners are gone; each opens another within its first retry (0.5 s).
    await new Promise((r) => setTimeout(r, 2000));
    const delays = [await delayToUpstream('after the cut 0'), await delayToUpstream('after the cut 1')];
    for (const delay of delays) expect(delay, `delays ${delays.join(', ')} ms`).toBeLessThan(WOKEN_WITHIN_MS);
  });
});
