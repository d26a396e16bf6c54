/**
 * How often the dashboard asks about running tasks, counted from the requests Chromium makes:
 * the gallery polls all its running cards in ONE `?ids=` request per interval (never one per
 * card), the inspector asks about its one task once per interval, and both slow down while
 * the tab is hidden and catch up at once when it is shown again.
 *
 * The spec runs its own server with a slow local engine, so its tasks stay running for the
 * whole test. A hidden tab is emulated: `document.visibilityState` overridden and the
 * `visibilitychange` event sent (bubbling to window, as a browser's does) when the tab goes to the background.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import { POLL_HIDDEN_MS, POLL_VISIBLE_MS } from '@/lib/task-polling/poll-interval';
import { startServer, type ServerProcess } from '../support/server-process';
import { submitTask, uploadSample, waitForStatus } from '../support/seed-tasks';

const RUNNING_TASKS = 4;
const WINDOW_MS = 5 * POLL_VISIBLE_MS;

let server: ServerProcess;
const ids: string[] = [];

interface SeenRequest {
  at: number;
  path: string;
  ids: string[] | null;
}

/* Every task request the page makes from now on. */
function recordTaskRequests(page: Page): SeenRequest[] {
  const seen: SeenRequest[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v1/tasks')) return;
    seen.push({ at: Date.now(), path: url.pathname, ids: url.searchParams.get('ids')?.split(',') ?? null });
  });
  return seen;
}

function between(seen: readonly SeenRequest[], from: number, to: number, match: (r: SeenRequest) => boolean) {
  return seen.filter((r) => r.at >= from && r.at < to && match(r));
}

const isWatchPoll = (r: SeenRequest) => r.path === '/api/v1/tasks' && r.ids !== null;
const isOwnTask = (id: string) => (r: SeenRequest) => r.path === `/api/v1/tasks/${id}`;
const isAnyOneTask = (r: SeenRequest) => /^\/api\/v1\/tasks\/[^/]+$/.test(r.path);

async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((isHidden) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (isHidden ? 'hidden' : 'visible'),
    });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => isHidden });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function gaps(requests: readonly SeenRequest[]): number[] {
  return requests.slice(1).map((r, i) => r.at - requests[i]!.at);
}

/* One interval apart over five intervals: about five polls (one may be due at the window's start). */
async function expectOnePerVisibleInterval(seen: SeenRequest[], match: (r: SeenRequest) => boolean) {
  const from = Date.now();
  await pause(WINDOW_MS);
  const polls = between(seen, from, Date.now(), match);
  const timeline = JSON.stringify(polls.map((r) => r.at - from));
  expect(polls.length, timeline).toBeGreaterThanOrEqual(3);
  expect(polls.length, timeline).toBeLessThanOrEqual(6);
  for (const gap of gaps(polls)) expect(gap, timeline).toBeGreaterThan(POLL_VISIBLE_MS * 0.75);
  return polls;
}

/**
 * Hidden for one slow interval and a bit: at most the poll already due at the visible pace, then
 * polls at the hidden pace only — but still some, so a task that ends in the background is heard of.
 */
async function expectSlowWhileHidden(page: Page, seen: SeenRequest[], match: (r: SeenRequest) => boolean) {
  const hiddenAt = Date.now();
  await setHidden(page, true);
  await pause(POLL_VISIBLE_MS + POLL_HIDDEN_MS + 2000);
  const polls = between(seen, hiddenAt, Date.now(), match);
  const timeline = JSON.stringify(polls.map((r) => r.at - hiddenAt));
  expect(polls.length, timeline).toBeGreaterThanOrEqual(1);
  expect(polls.length, timeline).toBeLessThanOrEqual(2);
  for (const gap of gaps(polls)) expect(gap, timeline).toBeGreaterThan(POLL_HIDDEN_MS * 0.75);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // Ten minutes of "generating": the tasks stay running for the whole spec.
  server = await startServer({ LOCAL_ENGINE_DELAY_MS: '600000' });
  const image = await uploadSample(server.url);
  for (let i = 0; i < RUNNING_TASKS; i++) ids.push(await submitTask(server.url, image, `Polling e2e, card ${i + 1}`));
  for (const id of ids) await waitForStatus(server.url, id, 'running');
});

test.afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

test('the gallery asks about all its running cards in one request per interval, slower while hidden', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const seen = recordTaskRequests(page);
  await page.goto(server.url);
  await expect(page.locator('[data-testid="task-card"][data-status="running"]')).toHaveCount(RUNNING_TASKS);

  const visibleFrom = Date.now();
  const polls = await expectOnePerVisibleInterval(seen, isWatchPoll);
  for (const poll of polls) expect([...poll.ids!].sort()).toEqual([...ids].sort());
  expect(between(seen, visibleFrom, Date.now(), isAnyOneTask)).toEqual([]);

  await expectSlowWhileHidden(page, seen, isWatchPoll);

  const shownAt = Date.now();
  await setHidden(page, false);
  await expect.poll(() => between(seen, shownAt, Date.now(), isWatchPoll).length, { timeout: 1500 }).toBe(1);
  await pause(2 * POLL_VISIBLE_MS + 500);
  const afterShown = between(seen, shownAt, Date.now(), isWatchPoll);
  expect(afterShown.length).toBeGreaterThanOrEqual(2);
  expect(afterShown.length).toBeLessThanOrEqual(4);
  expect(between(seen, visibleFrom, Date.now(), isAnyOneTask)).toEqual([]);
});

test('the inspector asks about its one task once per interval, slower while hidden', async ({ page }) => {
  test.setTimeout(120_000);
  const id = ids[0]!;
  const seen = recordTaskRequests(page);
  await page.goto(`${server.url}/tasks/${id}`);
  await expect(page.getByTestId('inspector-task-id')).toHaveText(id);

  const visibleFrom = Date.now();
  await expectOnePerVisibleInterval(seen, isOwnTask(id));
  // Only this task: no other task's requests, and no list poll on this page.
  expect(between(seen, visibleFrom, Date.now(), (r) => isAnyOneTask(r) && !isOwnTask(id)(r))).toEqual([]);
  expect(between(seen, visibleFrom, Date.now(), isWatchPoll)).toEqual([]);

  await expectSlowWhileHidden(page, seen, isOwnTask(id));

  const shownAt = Date.now();
  await setHidden(page, false);
  await expect.poll(() => between(seen, shownAt, Date.now(), isOwnTask(id)).length, { timeout: 1500 }).toBe(1);
});
