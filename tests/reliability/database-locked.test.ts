/**
 * The database held locked by another process (a backup, the sqlite3 shell; on PostgreSQL
 * another session), the server a real process of its own: a submit and an upload wait a
 * bounded time without stalling the server (the health check stays fast meanwhile), then
 * answer 503 with Retry-After and leave nothing behind — no task, no orphan file. Once the lock
 * is gone, the same submit with the same Idempotency-Key makes its one task.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskListSchema } from '@/shared/contract';
import { expectError, getJson, postGeneration, SEED_PROMPT, upload } from '../support/api-calls';
import { holdDatabaseWriteLock } from '../support/database-lock-holder';
import { ServerProcess } from '../support/server-process';
import { makeTestImage } from '../support/test-image';
import { makeDataDir } from '../support/test-server';

/* What a waiting request may take in all: the store's wait (2 s) and the machine's noise. */
const ANSWER_BOUND_MS = 5000;
/*
 * A lock waited for by blocking would hold a health check for the whole wait (2 s and more);
 * waited for on timers, checks take a few milliseconds (a spike on a shared 2-core machine aside).
 */
const HEALTH_MEDIAN_MS = 50;
const HEALTH_MAX_MS = 500;

let server: ServerProcess;
let jpeg: Buffer;
let image: string;

beforeAll(async () => {
  server = await ServerProcess.create(makeDataDir(), { LOCAL_ENGINE_DELAY_MS: '600000' });
  await server.start();
  jpeg = await makeTestImage();
  image = (await upload(server, jpeg)).url;
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const uploadsOnDisk = () => fs.readdirSync(path.join(server.dataDir, 'media', 'uploads')).sort();
const taskCount = async () => (await getJson(server, '/api/v1/tasks?limit=50', taskListSchema)).items.length;

function postUpload(): Promise<Response> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'photo.jpg');
  return server.fetch('/api/v1/uploads', { method: 'POST', body: form });
}

/* Health checks one after another while `during` runs; answers how long each took. */
async function healthWhile(during: Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  let done = false;
  void during.finally(() => (done = true));
  while (!done) {
    const started = performance.now();
    const response = await server.fetch('/api/health');
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 25));
  }
  return times;
}

describe('a database locked by another process', () => {
  const body = { model: 'hailuo-2-3', prompt: SEED_PROMPT, duration: '6', resolution: '768P' } as const;

  it('answers a submit and an upload 503 with Retry-After within a bound, stays responsive, writes nothing', async () => {
    const before = uploadsOnDisk();
    const lock = await holdDatabaseWriteLock(server.dataDir);
    try {
      const started = Date.now();
      const answers = Promise.all([
        postGeneration(server, { ...body, image }, { 'Idempotency-Key': 'locked-1' }),
        postUpload(),
      ]);
      const health = await healthWhile(answers);
      const [submitted, uploaded] = await answers;
      const elapsed = Date.now() - started;

      for (const answer of [submitted, uploaded]) {
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        const message = await expectError(answer, 503, 'service_unavailable');
        expect(message).toMatch(/busy.*Try again/);
        expect(message).not.toMatch(/SQLITE|sqlite|lock|\//);
      }
      expect(elapsed).toBeLessThan(ANSWER_BOUND_MS);
      // The requests waited on timers, not by blocking: every health check meanwhile was quick.
      expect(health.length).toBeGreaterThanOrEqual(5);
      expect(health.sort((a, b) => a - b)[Math.floor(health.length / 2)]).toBeLessThan(HEALTH_MEDIAN_MS);
      expect(health.at(-1)).toBeLessThan(HEALTH_MAX_MS);
      expect(uploadsOnDisk()).toEqual(before);
    } finally {
      await lock.release();
    }
    expect(await taskCount()).toBe(0);
  });

  it('once the lock is gone, the same submit under the same key makes its one task, and uploads work', async () => {
    const first = await postGeneration(server, { ...body, image }, { 'Idempotency-Key': 'locked-1' });
    expect(first.status).toBe(202);
    const again = await postGeneration(server, { ...body, image }, { 'Idempotency-Key': 'locked-1' });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await taskCount()).toBe(1);
    expect((await postUpload()).status).toBe(201);
  });
});
