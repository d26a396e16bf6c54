/**
 * The tracker under load: 1,000 tasks running at once against a fake upstream that answers
 * every poll in 300 ms, on one server and shared by two on one PostgreSQL database. The tasks
 * are written straight into the database as just submitted (the way a burst of submits leaves
 * them), then the servers poll them for a bounded window. Printed: polls per task per interval
 * (each gap between two polls of a task against the wait the engine scheduled for it, 1.00 =
 * on time; the 300 ms the answer took is not counted as lateness) and the lag of the oldest
 * due task, as /metrics reports it, sampled every second.
 */
import { scheduledPollDelayMs } from '@/server/engine/api-in-one/api-in-one-engine';
import { openStore } from '@/server/store/open-store';
import { FakeUpstream, type FakeRequest } from '../tests/fakes/fake-upstream';
import { newTask } from '../tests/support/new-task';
import { startFleet, type Fleet } from './lib/fleet';

const TASKS = Number(process.env.BENCH_TRACKER_TASKS ?? 1000);
const ANSWER_MS = 300;
const WINDOW_MS = Number(process.env.BENCH_TRACKER_WINDOW_MS ?? 40_000);
/* Polls per task per interval at or above this, and the median lag below that, meet the target. */
const TARGET_RATE = 0.9;
const TARGET_LAG_S = 1;

export interface TrackerLoadSide {
  servers: number;
  polls: number;
  /** Mean over every gap between two polls of a task: scheduled wait / actual wait. */
  pollsPerInterval: number;
  /** The same per task; the 5th percentile: how the least served tasks fared. */
  worstTasks: number;
  lagMedianS: number;
  lagMaxS: number;
  /** Polls in flight at once over the fleet, median of the samples. */
  pollsInFlight: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** Tasks as a submit leaves them: sent, running, first poll due within the first wait. */
async function seed(databaseUrl: string): Promise<void> {
  const store = await openStore({ dataDir: '', database: { url: databaseUrl, poolSize: 4 } });
  try {
    const now = Date.now();
    const tasks = Array.from({ length: TASKS }, (_, i) => newTask({ engine: 'apiinone', createdAt: now + i }));
    await store.tasks.createMany(tasks, { checkCredits: false });
    for (const [i, task] of tasks.entries()) {
      const firstPoll = now + Math.round((i / TASKS) * scheduledPollDelayMs(0));
      await store.tasks.update(task.id, {
        status: 'running',
        upstreamTaskId: `up-${i}`,
        submittedAt: now,
        attempts: 1,
        nextPollAt: firstPoll,
      });
    }
  } finally {
    await store.close();
  }
}

/** The fleet's tracker lag (the same from every server: it is read from the database) and the polls in flight on each. */
async function scrape(fleet: Fleet): Promise<{ lag: number; inFlight: number } | null> {
  try {
    const texts = await Promise.all(fleet.servers.map(async (s) => (await fetch(`${s.url}/metrics`)).text()));
    const lag = /^hailuo_tracker_lag_seconds\{[^}]*\} (\S+)$/m.exec(texts[0]!);
    const inFlight = texts.map((t) =>
      Number(/^hailuo_tracker_steps\{[^}]*kind="poll"[^}]*\} (\S+)$/m.exec(t)?.[1] ?? 0),
    );
    return lag ? { lag: Number(lag[1]), inFlight: inFlight.reduce((a, b) => a + b, 0) } : null;
  } catch {
    return null;
  }
}

async function measure(servers: number): Promise<TrackerLoadSide> {
  const upstream = await FakeUpstream.start();
  const polls = new Map<string, number[]>();
  let counting = false;
  upstream.on('GET', /^\/api\/v1\/tasks\/up-\d+$/, (request: FakeRequest) => {
    const id = request.path.split('/').pop()!;
    if (counting) polls.set(id, [...(polls.get(id) ?? []), Date.now()]);
    return { delayMs: ANSWER_MS, json: { data: { task_id: id, status: 'Processing', progress: 40 } } };
  });
  // Servers start with nothing to do; the tasks arrive all at once, as a burst of submits leaves them.
  const fleet = await startFleet(
    servers,
    upstream.baseUrl,
    process.env.DATABASE_POOL_SIZE ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE } : {},
  );
  const lags: number[] = [];
  const inFlight: number[] = [];
  try {
    counting = true;
    await seed(fleet.databaseUrl);
    // The tracker looks for new work within its idle interval; the window starts now.
    const end = Date.now() + WINDOW_MS;
    while (Date.now() < end) {
      await new Promise((r) => setTimeout(r, 1000));
      const seen = await scrape(fleet);
      if (!seen) continue;
      lags.push(seen.lag);
      inFlight.push(seen.inFlight);
    }
    counting = false;
  } finally {
    await fleet.stop();
    await upstream.close();
  }
  const ratios: number[] = [];
  const perTask: number[] = [];
  for (const times of polls.values()) {
    const own: number[] = [];
    // After its j-th poll (1-based) a seeded task waits scheduledPollDelayMs(j), from when the answer came.
    for (let j = 1; j < times.length; j++)
      own.push(scheduledPollDelayMs(j) / (times[j]! - (times[j - 1]! + ANSWER_MS)));
    ratios.push(...own);
    if (own.length) perTask.push(own.reduce((a, b) => a + b, 0) / own.length);
  }
  const total = [...polls.values()].reduce((sum, t) => sum + t.length, 0);
  return {
    servers,
    polls: total,
    pollsPerInterval: ratios.reduce((a, b) => a + b, 0) / Math.max(1, ratios.length),
    worstTasks: percentile(perTask, 0.05),
    lagMedianS: percentile(lags, 0.5),
    lagMaxS: Math.max(0, ...lags),
    pollsInFlight: percentile(inFlight, 0.5),
  };
}

/** BENCH_TRACKER_SERVERS=1 (or 2) measures one side only. */
export async function benchTrackerLoad(): Promise<TrackerLoadSide[]> {
  const sizes = (process.env.BENCH_TRACKER_SERVERS ?? '1,2').split(',').map(Number);
  const sides: TrackerLoadSide[] = [];
  for (const size of sizes) sides.push(await measure(size));
  return sides;
}

export function printTrackerLoad(sides: TrackerLoadSide[]): boolean {
  console.log(
    `\nTracker under load: ${TASKS} tasks running, fake upstream answering each poll in ${ANSWER_MS} ms, ${WINDOW_MS / 1000} s window`,
  );
  let ok = true;
  for (const side of sides) {
    const met = side.pollsPerInterval >= TARGET_RATE && side.lagMedianS < TARGET_LAG_S;
    ok &&= met;
    console.log(
      `  ${side.servers} server${side.servers > 1 ? 's' : ' '}: ${side.polls} polls, ${side.pollsPerInterval.toFixed(2)} polls per task per interval ` +
        `(5th percentile task ${side.worstTasks.toFixed(2)}), lag of the oldest due task median ${side.lagMedianS.toFixed(2)} s, ` +
        `max ${side.lagMaxS.toFixed(2)} s; ${side.pollsInFlight} polls in flight (median) ${met ? 'ok' : `BELOW TARGET (≥ ${TARGET_RATE}, lag < ${TARGET_LAG_S} s)`}`,
    );
  }
  return ok;
}
