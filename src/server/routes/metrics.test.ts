/**
 * `GET /metrics` and `GET /api/health` on the whole server: Prometheus text with tasks by
 * status, the tracker's lag, upstream calls by outcome with their latency, the render queue;
 * closed like the API when access is required; health says whether the database answers.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { healthSchema } from '@/shared/contract';
import { Metrics } from '@/server/metrics/metrics';
import { openStore } from '@/server/store/open-store';
import { getJson, SEED_PROMPT, submit, upload, waitForTask } from '../../../tests/support/api-calls';
import { newTask } from '../../../tests/support/new-task';
import { makeTestImage } from '../../../tests/support/test-image';
import { testDatabaseEnv } from '../../../tests/support/test-database';
import { makeDataDir, startTestApp, type TestServer } from '../../../tests/support/test-server';
import type { Engine } from '@/server/engine/engine';

const running: TestServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) {
    await server.stop().catch(() => {});
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
});

async function start(env: Record<string, string> = {}) {
  const server = await startTestApp(env);
  running.push(server);
  return server;
}

/** The value of one series (`name{labels}`) in Prometheus text, labels matched in any order. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(match[3]);
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('counts tasks by status and the engine calls by outcome, timed, for this server', async () => {
    const server = await start({ LOCAL_ENGINE_DELAY_MS: '300' });
    const image = await upload(server, await makeTestImage());
    const created = await submit(server, { model: 'hailuo-2-3', prompt: SEED_PROMPT, image: image.url });
    expect((await waitForTask(server, created.task_id)).status).toBe('succeeded');

    const response = await server.fetch('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const me = { server: server.services.serverId };
    expect(sample(text, 'hailuo_tasks', { ...me, status: 'succeeded' })).toBe(1);
    expect(sample(text, 'hailuo_tasks', { ...me, status: 'running' })).toBe(0);
    const calls = { ...me, engine: 'local', outcome: 'ok' };
    expect(sample(text, 'hailuo_upstream_calls_total', { ...calls, operation: 'submit' })).toBe(1);
    expect(sample(text, 'hailuo_upstream_calls_total', { ...calls, operation: 'poll' })).toBeGreaterThanOrEqual(1);
    const polls = sample(text, 'hailuo_upstream_calls_total', { ...calls, operation: 'poll' })!;
    const timed = { ...me, engine: 'local', operation: 'poll' };
    expect(sample(text, 'hailuo_upstream_call_duration_seconds_count', timed)).toBe(polls);
    expect(sample(text, 'hailuo_upstream_call_duration_seconds_bucket', { ...timed, le: '+Inf' })).toBe(polls);
    expect(sample(text, 'hailuo_tracker_lag_seconds', me)).toBe(0);
    expect(sample(text, 'hailuo_render_queue_depth', me)).toBe(0);
    expect(sample(text, 'hailuo_tracker_steps', { ...me, kind: 'poll' })).toBe(0);
    expect(sample(text, 'process_resident_memory_bytes', me)).toBeGreaterThan(0);
  });

  it('is closed like the API when access is required, and open to a key the server issued', async () => {
    const server = await start({ AUTH: 'required', DASHBOARD_PASSWORD: 'a long enough password' });
    const { key } = await server.services.access.keys.create('prometheus');
    for (const path of ['/metrics', '/metrics/']) expect((await server.fetch(path)).status).toBe(401);
    const scraped = await server.fetch('/metrics', { headers: { Authorization: `Bearer ${key}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('hailuo_tasks{');
    // The health check stays open: a load balancer asks it with no key.
    expect((await server.fetch('/api/health')).status).toBe(200);
  });

  it('reports the tracker’s lag: how long the oldest task due has waited past its time', async () => {
    const dataDir = makeDataDir();
    try {
      const config = { dataDir, database: { url: (await testDatabaseEnv(dataDir)).DATABASE_URL ?? null, poolSize: 2 } };
      const store = await openStore(config);
      await store.tasks.createMany([newTask({ createdAt: Date.now() - 90_000 }), newTask()], { checkCredits: false });
      const metrics = new Metrics('srv_lag');
      const engine = { name: 'local' } as Engine;
      const idle = { submits: 0, polls: 0, downloadsRunning: 0, downloadsQueued: 0 };
      metrics.observe({ store, engine, trackerLoad: () => idle });
      const text = await metrics.render();
      await store.close();
      expect(sample(text, 'hailuo_tracker_lag_seconds')).toBeGreaterThanOrEqual(90);
      expect(sample(text, 'hailuo_tracker_lag_seconds')).toBeLessThan(120);
      expect(sample(text, 'hailuo_tasks', { status: 'queued' })).toBe(2);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('GET /api/health', () => {
  it('says the database answers, which one, and how fast', async () => {
    const server = await start();
    const health = await getJson(server, '/api/health', healthSchema);
    expect(health.ok).toBe(true);
    expect(health.checks.database).toMatchObject({ ok: true, kind: server.services.store.kind });
    expect(health.checks.database!.latency_ms).toBeGreaterThanOrEqual(0);
    expect(health.checks.database!.latency_ms).toBeLessThan(1000);
  });

  it('answers 503 naming the database when it does not answer, in words and with no detail', async () => {
    const server = await start();
    await server.services.store.close();
    const response = await server.fetch('/api/health');
    expect(response.status).toBe(503);
    const health = healthSchema.parse(await response.json());
    expect(health).toMatchObject({ ok: false, checks: { database: { ok: false, error: 'not reachable' } } });
  });
});
