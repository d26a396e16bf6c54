/** `GET /api/v1/tasks`: newest first, every filter, per-status counts and cursor paging; and a task's history. */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskHistorySchema, taskListSchema, type TaskList } from '@/shared/contract';
import { MODEL_IDS } from '@/shared/pricing';
import { expectError, getJson } from '../../../tests/support/api-calls';
import { newTask } from '../../../tests/support/new-task';
import { startTestApp, type TestServer } from '../../../tests/support/test-server';

let server: TestServer;
const BASE = Date.parse('2026-03-01T00:00:00Z');
const seeded: {
  id: string;
  status: string;
  mode: string;
  createdAt: number;
  prompt: string;
  batchId: string | null;
}[] = [];
const STATUSES = ['succeeded', 'failed', 'canceled', 'queued', 'running'] as const;
const result = { videoPath: 'videos/x.mp4', posterPath: 'posters/x.jpg', width: 1228, height: 768, durationS: 6 };

/* Tasks written straight to the store (as past activity), with their final states; the unfinished ones are parked far in the future so the tracker leaves them be. */
async function seed() {
  const { tasks } = server.services.store;
  for (let i = 0; i < 40; i++) {
    // Pairs share a created_at, so the cursor's id tie-break is exercised.
    const createdAt = BASE + Math.floor(i / 2) * 60_000;
    const mode = i % 3 === 0 ? 'pro' : 'standard';
    const task = newTask({
      model: mode === 'pro' ? MODEL_IDS.pro : i % 2 ? 'hailuo-2-3' : MODEL_IDS.standard,
      modelId: MODEL_IDS[mode],
      mode,
      prompt: i % 4 === 0 ? `Sunset over the bay, take ${i}` : `Product turntable ${i}`,
      priceCredits: mode === 'pro' ? 45 : 30,
      batchId: i < 5 ? 'bat_spring' : null,
      createdAt,
    });
    await tasks.create(task, { checkCredits: false });
    const status = STATUSES[i % STATUSES.length]!;
    const event = { at: createdAt, status, progress: null, source: 'tracker' as const, message: null };
    if (status === 'succeeded') await tasks.finish(task.id, { status, result }, event, createdAt + 1000);
    else if (status === 'failed' || status === 'canceled') {
      await tasks.finish(task.id, { status, error: { code: 'engine_failed', message: 'no' } }, event, createdAt + 1000);
    } else await tasks.update(task.id, { status, nextPollAt: Date.now() + 3_600_000 });
    seeded.push({ id: task.id, status, mode, createdAt, prompt: task.prompt, batchId: task.batchId });
  }
}

beforeAll(async () => {
  server = await startTestApp();
  await seed();
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const list = (query = '') => getJson(server, `/api/v1/tasks${query}`, taskListSchema);
const newestFirst = (rows: typeof seeded) =>
  [...rows].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).map((r) => r.id);

async function allPages(query: string, limit: number): Promise<{ ids: string[]; pages: TaskList[] }> {
  const pages: TaskList[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(`?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(page);
    cursor = page.next_cursor;
  } while (cursor && pages.length < 50);
  return { ids: pages.flatMap((p) => p.items.map((t) => t.task_id)), pages };
}

describe('GET /api/v1/tasks', () => {
  it('pages through every task newest first with a cursor, without gaps or repeats', async () => {
    const { ids, pages } = await allPages('', 7);
    expect(ids).toEqual(newestFirst(seeded));
    expect(pages).toHaveLength(Math.ceil(40 / 7));
    expect(pages.slice(0, -1).every((p) => p.items.length === 7 && p.next_cursor)).toBe(true);
    expect(pages.at(-1)!.next_cursor).toBeNull();
  });

  it('filters by status (several at once) and counts every status for the other filters', async () => {
    const page = await list('?status=failed,canceled&limit=100');
    expect(page.items.map((t) => t.task_id)).toEqual(
      newestFirst(seeded.filter((s) => ['failed', 'canceled'].includes(s.status))),
    );
    expect(page.counts).toEqual({ succeeded: 8, failed: 8, canceled: 8, queued: 8, running: 8 });
  });

  it('filters by model (an alias finds its sub-model), mode, prompt text, dates, batch and ids', async () => {
    const ids = async (query: string) => (await list(`${query}&limit=100`)).items.map((t) => t.task_id);
    const standard = newestFirst(seeded.filter((s) => s.mode === 'standard'));
    expect(await ids('?model=hailuo-2-3')).toEqual(standard);
    expect(await ids(`?model=${encodeURIComponent(MODEL_IDS.standard)}`)).toEqual(standard);
    expect(await ids('?mode=pro')).toEqual(newestFirst(seeded.filter((s) => s.mode === 'pro')));
    expect(await ids('?q=sunset')).toEqual(newestFirst(seeded.filter((s) => s.prompt.includes('Sunset'))));
    expect(await ids('?q=100%25')).toEqual([]);
    // Part of an id (as support is often read one) finds that task and no other.
    const wanted = seeded[11]!.id;
    expect(await ids(`?q=${wanted.slice(6, 18)}`)).toEqual([wanted]);
    const from = new Date(BASE + 5 * 60_000).toISOString();
    const to = new Date(BASE + 9 * 60_000).toISOString();
    expect(await ids(`?from=${from}&to=${to}`)).toEqual(
      newestFirst(seeded.filter((s) => s.createdAt >= BASE + 5 * 60_000 && s.createdAt <= BASE + 9 * 60_000)),
    );
    expect(await ids('?batch_id=bat_spring')).toEqual(newestFirst(seeded.filter((s) => s.batchId === 'bat_spring')));
    const picked = [seeded[3]!.id, seeded[17]!.id];
    expect((await ids(`?ids=${picked.join(',')}`)).sort()).toEqual([...picked].sort());
  });

  it('counts for the same filters without the status, and pages within the filters', async () => {
    const sunsets = seeded.filter((s) => s.prompt.includes('Sunset'));
    const page = await list('?q=sunset&status=succeeded&limit=100');
    const expected = Object.fromEntries(STATUSES.map((s) => [s, sunsets.filter((t) => t.status === s).length]));
    expect(page.counts).toEqual(expected);
    const { ids } = await allPages('q=turntable&status=queued,running', 3);
    expect(ids).toEqual(
      newestFirst(seeded.filter((s) => s.prompt.includes('turntable') && ['queued', 'running'].includes(s.status))),
    );
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?limit=ten', 'limit'],
    ['?status=done', 'status'],
    ['?from=yesterday', 'from'],
    ['?color=red', 'Unknown filter'],
    ['?cursor=not-a-cursor', 'cursor'],
  ])('refuses %s with 400 and says what is wrong', async (query, words) => {
    const message = await expectError(await server.fetch(`/api/v1/tasks${query}`), 400, 'validation_failed');
    expect(message).toContain(words);
  });
});

describe('GET /api/v1/tasks/{id}/history', () => {
  it('tells the task’s story: events, upstream exchanges and ledger entries', async () => {
    const succeeded = seeded.find((s) => s.status === 'succeeded')!;
    const history = await getJson(server, `/api/v1/tasks/${succeeded.id}/history`, taskHistorySchema);
    expect(history.task_id).toBe(succeeded.id);
    expect(history.events.map((e) => [e.status, e.source])).toEqual([
      ['queued', 'api'],
      ['succeeded', 'tracker'],
    ]);
    expect(history.ledger).toEqual([
      { at: expect.any(String), credits: -(succeeded.mode === 'pro' ? 45 : 30), reason: 'charge' },
    ]);
    await expectError(await server.fetch('/api/v1/tasks/tsk_missing/history'), 404, 'not_found');
  });
});
