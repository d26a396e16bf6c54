/**
 * One server and two on one PostgreSQL database, side by side in one run: requests per second
 * on the task route (`GET /api/v1/tasks/{id}` of a running task, the load split evenly over the
 * servers) and tasks finished per minute (submitted round robin to the servers, in API in One
 * mode against a fake upstream that answers at once, so the servers' own work is what counts:
 * the image handover, submit, poll, copying the video in, probing it, the books). On a 2-core
 * machine two servers share the cores with the database and the bench, so the ratio of two to
 * one, not either figure, is what to read.
 */
import { generationCreatedSchema, taskListSchema } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { JobKeepingUpstream } from '../tests/fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../tests/fakes/upstream-clip';
import { makeDataDir } from '../tests/support/test-server';
import { startFleet, type Fleet } from './lib/fleet';
import { load } from './lib/load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const TASKS = Number(process.env.BENCH_FLEET_TASKS ?? 120);
const CONNECTIONS = 16;
const FINISH_DEADLINE_MS = 180_000;

export interface FleetSideFigures {
  servers: number;
  requestsPerSec: number;
  non2xx: number;
  tasksPerMinute: number;
  failed: number;
}

export interface FleetScaleFigures {
  one: FleetSideFigures;
  two: FleetSideFigures;
}

async function post(base: string, body: unknown): Promise<string> {
  const response = await fetch(`${base}/api/v1/videos/generations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 202) throw new Error(`submit: HTTP ${response.status} ${await response.text()}`);
  return generationCreatedSchema.parse(await response.json()).task_id;
}

/** Submits `count` tasks round robin, a few at once per server; answers when the last has ended. */
async function finishTasks(fleet: Fleet, upstream: JobKeepingUpstream, prompt: string, count: number) {
  const bases = fleet.servers.map((s) => s.url);
  const started = Date.now();
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 * bases.length }, async (_, lane) => {
      while (next < count) {
        next += 1;
        ids.push(await post(bases[lane % bases.length]!, { model: 'hailuo-2-3', prompt, image: upstream.imageUrl }));
      }
    }),
  );
  const deadline = started + FINISH_DEADLINE_MS;
  let failed = 0;
  for (let open = [...ids]; open.length;) {
    if (Date.now() > deadline) throw new Error(`${open.length} tasks still unfinished after ${FINISH_DEADLINE_MS} ms`);
    await new Promise((r) => setTimeout(r, 250));
    const still: string[] = [];
    for (let i = 0; i < open.length; i += 100) {
      const response = await fetch(`${bases[0]}/api/v1/tasks?ids=${open.slice(i, i + 100).join(',')}`);
      for (const task of taskListSchema.parse(await response.json()).items) {
        if (!isFinalStatus(task.status)) still.push(task.task_id);
        else if (task.status !== 'succeeded') failed += 1;
      }
    }
    open = still;
  }
  return { perMinute: (count / (Date.now() - started)) * 60_000, failed };
}

/** Requests per second on one running task's route, the connections split over the servers at once. */
async function taskRoute(fleet: Fleet, upstream: JobKeepingUpstream) {
  const id = await post(fleet.servers[0]!.url, {
    model: 'hailuo-2-3',
    prompt: 'stays running',
    image: upstream.imageUrl,
  });
  const urls = fleet.servers.map((s) => `${s.url}/api/v1/tasks/${id}`);
  for (const url of urls) await load(url, 1, CONNECTIONS / urls.length);
  const runs = await Promise.all(urls.map((url) => load(url, SECONDS, CONNECTIONS / urls.length)));
  return {
    requestsPerSec: runs.reduce((sum, run) => sum + run.requestsPerSec, 0),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  };
}

async function measure(servers: number, upstream: JobKeepingUpstream): Promise<FleetSideFigures> {
  const fleet = await startFleet(servers, upstream.baseUrl);
  try {
    const route = await taskRoute(fleet, upstream);
    await finishTasks(fleet, upstream, 'warm up', 8 * servers);
    const finished = await finishTasks(fleet, upstream, 'finishes', TASKS);
    return { servers, ...route, tasksPerMinute: finished.perMinute, failed: finished.failed };
  } finally {
    await fleet.stop();
  }
}

export async function benchFleetScale(): Promise<FleetScaleFigures> {
  const upstream = await JobKeepingUpstream.start(await makeUpstreamClip(makeDataDir()));
  upstream.script('stays running', { polls: ['Processing'] });
  try {
    const one = await measure(1, upstream);
    const two = await measure(2, upstream);
    return { one, two };
  } finally {
    await upstream.close();
  }
}

export function printFleetScale(figures: FleetScaleFigures): boolean {
  const { one, two } = figures;
  const ok = one.non2xx + two.non2xx + one.failed + two.failed === 0;
  console.log('\nFleet on one PostgreSQL database: one server and two, side by side (2 cores shared by all)');
  console.log(`  ${''.padEnd(34)} ${'1 server'.padStart(10)} ${'2 servers'.padStart(10)} ${'2 / 1'.padStart(7)}`);
  const row = (name: string, a: number, b: number) =>
    console.log(
      `  ${name.padEnd(34)} ${a.toFixed(0).padStart(10)} ${b.toFixed(0).padStart(10)} ${(b / a).toFixed(2).padStart(7)}`,
    );
  row(`GET /api/v1/tasks/{id}, req/s (${CONNECTIONS} conn)`, one.requestsPerSec, two.requestsPerSec);
  row(`tasks finished per minute (${TASKS})`, one.tasksPerMinute, two.tasksPerMinute);
  console.log(
    `  non-2xx answers ${one.non2xx + two.non2xx}, tasks not succeeded ${one.failed + two.failed} ${ok ? 'ok' : 'FAILED'}`,
  );
  return ok;
}
