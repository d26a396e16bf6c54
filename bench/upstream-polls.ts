/**
 * Upstream calls per task while 1, 10 and 50 browser tabs watch the same running tasks. The
 * real server runs in API in One mode against a fake upstream over loopback HTTP, which
 * answers "processing" slowly a few times and then success. Every tab polls like the
 * dashboard does, at its interval: the list's one `?ids=` request plus `GET /api/v1/tasks/{id}`
 * for each task (as an open inspector would). However many tabs ask, the server's one tracker
 * should call the upstream once per task per interval of its own schedule.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { POLL_VISIBLE_MS } from '@/lib/task-polling/poll-interval';
import { generationCreatedSchema, taskListSchema, taskSchema } from '@/shared/contract';
import { isFinalStatus } from '@/shared/status';
import { makeUpstreamClip } from '../tests/fakes/upstream-clip';
import { FakeUpstream, type FakeRequest } from '../tests/fakes/fake-upstream';
import { startServer } from '../tests/support/server-process';

const TAB_COUNTS = [1, 10, 50] as const;
const TASKS_PER_GROUP = 3;
/** "Processing" answers before success: the tracker's intervals a task lives through are this plus one. */
const PROCESSING_POLLS = 3;
/* Slow enough that browser requests arrive while an upstream call is in flight. */
const PROCESSING_DELAY_MS = 500;
/* The API in One engine's shortest poll delay is 3 s, jittered by ±20%; a shorter gap would be a poll nobody scheduled. */
const SHORTEST_SCHEDULED_GAP_MS = 2400;
const DEADLINE_MS = 150_000;

export interface GroupFigures {
  tabs: number;
  browserRequests: number;
  /** Upstream GETs of each task of the group, and the shortest time between two of them. */
  pollsPerTask: number[];
  shortestGapMs: number;
}

export interface PollFigures {
  groups: GroupFigures[];
  expectedPolls: number;
}

/**
 * The fake upstream: ids handed out in order, each answered "processing" a few times, then done.
 * Answers when it received each submit and each poll, per upstream task id.
 */
interface UpstreamLog {
  submittedAt: Map<string, number>;
  polls: Map<string, number[]>;
}

function scriptUpstream(fake: FakeUpstream, clip: Buffer): UpstreamLog {
  let submitted = 0;
  const submittedAt = new Map<string, number>();
  const polls = new Map<string, number[]>();
  fake
    .on('POST', '/api/v1/videos/generations', () => {
      submitted += 1;
      submittedAt.set(`up-${submitted}`, Date.now());
      return { json: { code: 0, data: { task_id: `up-${submitted}`, status: 'Queueing' } } };
    })
    .on('GET', /^\/api\/v1\/tasks\/up-\d+$/, (request: FakeRequest) => {
      const id = request.path.split('/').pop()!;
      const times = polls.get(id) ?? [];
      times.push(Date.now());
      polls.set(id, times);
      const seen = times.length;
      if (seen <= PROCESSING_POLLS) {
        const progress = Math.round((seen / (PROCESSING_POLLS + 1)) * 100);
        return { delayMs: PROCESSING_DELAY_MS, json: { data: { task_id: id, status: 'Processing', progress } } };
      }
      return { json: { data: { task_id: id, status: 'Success', video_url: `${fake.baseUrl}/files/clip.mp4` } } };
    })
    .on('GET', '/files/clip.mp4', { body: clip, headers: { 'content-type': 'video/mp4' } });
  return { submittedAt, polls };
}

async function submit(baseUrl: string, prompt: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/videos/generations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'hailuo-2-3', prompt, image: 'https://example.com/product.jpg' }),
  });
  if (response.status !== 202) throw new Error(`submit failed: ${response.status} ${await response.text()}`);
  return generationCreatedSchema.parse(await response.json()).task_id;
}

/** One tab: every interval, the list's `?ids=` poll and each task's own, until all are final. */
async function watchLikeATab(baseUrl: string, ids: readonly string[], deadline: number): Promise<number> {
  let requests = 0;
  // Tabs are opened at different moments, so their intervals do not line up.
  await new Promise((r) => setTimeout(r, Math.random() * POLL_VISIBLE_MS));
  let unfinished = [...ids];
  while (unfinished.length > 0 && Date.now() < deadline) {
    const list = await fetch(`${baseUrl}/api/v1/tasks?ids=${unfinished.join(',')}&limit=${unfinished.length}`);
    requests += 1;
    const items = taskListSchema.parse(await list.json()).items;
    const own = await Promise.all(
      unfinished.map(async (id) => {
        requests += 1;
        return taskSchema.parse(await (await fetch(`${baseUrl}/api/v1/tasks/${id}`)).json());
      }),
    );
    const done = new Set([...items, ...own].filter((t) => isFinalStatus(t.status)).map((t) => t.task_id));
    unfinished = unfinished.filter((id) => !done.has(id));
    await new Promise((r) => setTimeout(r, POLL_VISIBLE_MS));
  }
  return requests;
}

export async function benchUpstreamPolls(): Promise<PollFigures> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-bench-polls-'));
  const fake = await FakeUpstream.start();
  const log = scriptUpstream(fake, await makeUpstreamClip(workDir));
  const server = await startServer({ APIINONE_API_KEY: 'aio_bench_key', APIINONE_BASE_URL: fake.baseUrl });
  try {
    const deadline = Date.now() + DEADLINE_MS;
    // Every group's tasks at once, so the groups share one run (and one machine load).
    const groups = await Promise.all(
      TAB_COUNTS.map(async (tabs) => {
        const ids: string[] = [];
        for (let i = 0; i < TASKS_PER_GROUP; i++) ids.push(await submit(server.url, `${tabs} tabs, task ${i + 1}`));
        const perTab = await Promise.all(Array.from({ length: tabs }, () => watchLikeATab(server.url, ids, deadline)));
        return { tabs, ids, browserRequests: perTab.reduce((sum, n) => sum + n, 0) };
      }),
    );
    const upstreamIdOf = await Promise.all(
      groups
        .flatMap((g) => g.ids)
        .map(async (id) => {
          const task = taskSchema.parse(await (await fetch(`${server.url}/api/v1/tasks/${id}`)).json());
          if (task.status !== 'succeeded') throw new Error(`task ${id} ended ${task.status}: ${task.error?.message}`);
          return [id, task.upstream_task_id!] as const;
        }),
    );
    const upstreamIds = new Map(upstreamIdOf);
    return {
      expectedPolls: PROCESSING_POLLS + 1,
      groups: groups.map((g) => {
        const polls = g.ids.map((id) => log.polls.get(upstreamIds.get(id)!) ?? []);
        // From the submit to the first poll, and between polls: each is one interval of the tracker's schedule.
        const gaps = g.ids.flatMap((id, i) => {
          const times = [log.submittedAt.get(upstreamIds.get(id)!)!, ...polls[i]!];
          return times.slice(1).map((at, k) => at - times[k]!);
        });
        return {
          tabs: g.tabs,
          browserRequests: g.browserRequests,
          pollsPerTask: polls.map((t) => t.length),
          shortestGapMs: Math.min(...gaps),
        };
      }),
    };
  } finally {
    await server.stop();
    await fake.close();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

export function printUpstreamPolls(figures: PollFigures): boolean {
  console.log(
    `\nUpstream polls with the tracker in API in One mode (fake upstream: "processing" ${PROCESSING_POLLS}× at ${PROCESSING_DELAY_MS} ms, then success; ${TASKS_PER_GROUP} tasks per group; tabs poll every ${POLL_VISIBLE_MS} ms)`,
  );
  console.log('  tabs  browser requests  upstream polls per task  calls per task per interval  shortest gap');
  let ok = true;
  for (const g of figures.groups) {
    const most = Math.max(...g.pollsPerTask);
    const perInterval = most / figures.expectedPolls;
    const fits =
      g.pollsPerTask.every((n) => n === figures.expectedPolls) && g.shortestGapMs >= SHORTEST_SCHEDULED_GAP_MS;
    ok &&= fits;
    console.log(
      `  ${String(g.tabs).padStart(4)}  ${String(g.browserRequests).padStart(16)}  ${g.pollsPerTask.join(', ').padStart(23)}  ${perInterval.toFixed(2).padStart(27)}  ${(g.shortestGapMs / 1000).toFixed(1).padStart(10)} s ${fits ? 'ok' : 'EXTRA POLLS'}`,
    );
  }
  console.log(
    `  target: ${figures.expectedPolls} polls per task (one per tracker interval), no gap under ${SHORTEST_SCHEDULED_GAP_MS / 1000} s, for every number of tabs ${ok ? 'ok' : 'MISSED'}`,
  );
  return ok;
}
