/**
 * Support staff in real Chromium against the real server: open a failed task by id (ours or
 * the upstream's), read its error, timeline and charges, reload the deep link, copy the
 * request as curl and replay it, and find the failed tasks in the list in one click.
 *
 * Failed tasks come from the real local engine with LOCAL_ENGINE_FAILURE_RATE=1. The spec
 * runs its own server for that, then restarts it on the same port and data with failures
 * off, so one list holds failed and finished tasks and stored image links stay valid.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startServer, type ServerProcess } from '../support/server-process';

const SCREENS = path.join('test-results', 'screens');
/** One more than the list's page size, so "Load more" has a page to load. */
const FAILED_TASKS = 51;
const BATCH = 15;
const FAILING_PROMPT = `Support e2e: a "slow" push-in on the bottle, it's lit from the left`;
const OK_PROMPT = 'Support e2e: the camera drifts right across the product';

interface TaskJson {
  task_id: string;
  status: string;
  upstream_task_id: string | null;
  prompt: string;
}

let server: ServerProcess;
let dataDir = '';
let failedId = '';
let failedUpstreamId = '';
let okId = '';

async function api<T>(pathname: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${server.url}${pathname}`, init);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function uploadSample(): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([fs.readFileSync('public/sample-product.jpg')], { type: 'image/jpeg' }), 'sample.jpg');
  return (await api<{ url: string }>('/api/v1/uploads', { method: 'POST', body: form })).url;
}

async function submit(image: string, prompt: string): Promise<string> {
  const body = { model: 'hailuo-2-3', prompt, image, duration: '6', resolution: '768P' };
  const created = await api<{ task_id: string }>('/api/v1/videos/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return created.task_id;
}

async function waitForStatus(ids: readonly string[], status: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = await Promise.all(ids.map((id) => api<TaskJson>(`/api/v1/tasks/${id}`)));
    if (tasks.every((task) => task.status === status)) return;
    if (Date.now() > deadline) throw new Error(`tasks did not all reach ${status} in time`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'support-e2e-'));
  const port = await freePort();

  // The same port and data for both runs, so the image links stored with the tasks stay valid.
  const env = { PORT: String(port), DATA_DIR: dataDir };
  server = await startServer({ ...env, LOCAL_ENGINE_FAILURE_RATE: '1', LOCAL_ENGINE_DELAY_MS: '600' });
  const image = await uploadSample();
  const failed: string[] = [];
  // In batches: the simulated balance reserves the price of every unfinished task.
  while (failed.length < FAILED_TASKS) {
    const count = Math.min(BATCH, FAILED_TASKS - failed.length);
    const batch = await Promise.all(
      Array.from({ length: count }, (_, i) => submit(image, `${FAILING_PROMPT} #${failed.length + i}`)),
    );
    await waitForStatus(batch, 'failed');
    failed.push(...batch);
  }
  failedId = failed[0] as string;
  failedUpstreamId = (await api<TaskJson>(`/api/v1/tasks/${failedId}`)).upstream_task_id ?? '';
  await server.stop();

  server = await startServer({ ...env, LOCAL_ENGINE_FAILURE_RATE: '0', LOCAL_ENGINE_DELAY_MS: '5000' });
  okId = await submit(image, OK_PROMPT);
  await waitForStatus([okId], 'succeeded', 120_000);
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a failed task by id: its error, timeline and charges, and the deep link survives a reload', async ({ page }) => {
  await page.goto(`${server.url}/tasks/${failedId}`);

  const error = page.getByTestId('task-error');
  await expect(error).toContainText('This task failed');
  await expect(page.getByTestId('task-error-code')).toHaveText('engine_failed');
  await expect(page.getByTestId('task-error-message')).toContainText('Simulated by the local preview engine');

  const phases = page.getByTestId('timeline-phase');
  await expect(phases.last()).toHaveAttribute('data-status', 'failed');
  await expect(phases.first()).toHaveAttribute('data-status', 'queued');
  await expect(phases.first().getByTestId('phase-duration')).toHaveText(/^took \d+(\.\d)? s$/);
  await expect(page.getByTestId('timeline-total')).toContainText('From submit to end');
  await expect(page.getByTestId('nothing-charged')).toHaveText('Nothing charged: failed tasks are never billed.');
  await expect(page.getByTestId('task-prompt')).toHaveText(`${FAILING_PROMPT} #0`);

  await page.getByTestId('upstream-exchange').first().locator('summary').click();
  await expect(page.getByTestId('upstream-exchange').first().locator('pre')).toContainText('"task_id"');

  await page.reload();
  await expect(page.getByTestId('inspector-task-id')).toHaveText(failedId);
  await expect(page.getByTestId('task-error-code')).toHaveText('engine_failed');
  await expectNoAxeViolations(page);
  await screenshot(page, 'support-inspector-failed-light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await expect(page.getByTestId('task-error-code')).toHaveText('engine_failed');
  await expectNoAxeViolations(page);
  await screenshot(page, 'support-inspector-failed-dark');
});

test('the upstream id opens the same task, from the address or the header lookup', async ({ page }) => {
  expect(failedUpstreamId).toMatch(/\S/);
  await page.goto(`${server.url}/tasks/${encodeURIComponent(failedUpstreamId)}`);
  await expect(page).toHaveURL(`${server.url}/tasks/${failedId}`);
  await expect(page.getByTestId('inspector-task-id')).toHaveText(failedId);
  await expect(page.getByTestId('inspector-upstream-id')).toHaveText(failedUpstreamId);
  await expect(page.getByTestId('found-by-upstream')).toContainText(failedUpstreamId);

  await page.goto(`${server.url}/tasks`);
  await page.keyboard.press('/');
  await page.keyboard.type(failedUpstreamId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${server.url}/tasks/${failedId}`);
  await expect(page.getByTestId('task-error-code')).toHaveText('engine_failed');
});

test('an unknown id says so and where to look', async ({ page }) => {
  await page.goto(`${server.url}/tasks/tsk_does_not_exist`);
  await expect(page.getByRole('heading', { name: 'No task with this id' })).toBeVisible();
  await expect(page.getByTestId('task-not-found')).toContainText('lookup box');
});

test('copy as curl: the placeholder key, never a real one, and the command replays the request', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(`${server.url}/tasks/${failedId}`);
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  await expect(page.getByText('Copied', { exact: true })).toBeVisible();

  const command = await page.evaluate(() => navigator.clipboard.readText());
  expect(command).toContain('Bearer $APIINONE_API_KEY');
  expect(command).toContain(`'${server.url}/api/v1/videos/generations'`);
  expect(command).not.toMatch(/aio_[A-Za-z0-9]/);
  // The prompt has both kinds of quotes; single quotes inside are written the POSIX way.
  expect(command).toContain(
    `"prompt": "Support e2e: a \\"slow\\" push-in on the bottle, it'\\''s lit from the left #0"`,
  );

  // Run it as support would: the shell fills in the key, curl posts the same request again.
  const answer = execFileSync('sh', ['-c', command], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', APIINONE_API_KEY: 'aio_placeholder_for_the_test' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const replayed = await api<TaskJson>(`/api/v1/tasks/${(JSON.parse(answer) as { task_id: string }).task_id}`);
  expect(replayed.prompt).toBe(`${FAILING_PROMPT} #0`);
});

test('copy as curl without clipboard access shows the command to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  await page.goto(`${server.url}/tasks/${failedId}`);
  await page.getByRole('button', { name: 'Copy as curl' }).click();
  const area = page.getByRole('textbox', { name: /did not allow copying/ });
  await expect(area).toBeVisible();
  await expect(area).toHaveValue(/Bearer \$APIINONE_API_KEY/);
});

test('a finished task plays in the page, and re-run goes to the form with its id', async ({ page }) => {
  await page.goto(`${server.url}/tasks/${okId}`);
  const video = page.getByTestId('inspector-video');
  await expect(video).toHaveAttribute('preload', 'metadata');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration)).toBeGreaterThan(5);
  await expect(page.getByTestId('charged-credits')).toHaveText('30 credits');
  await expect(page.getByRole('link', { name: 'Download MP4' })).toHaveAttribute('href', /\/media\//);
  await page.getByRole('link', { name: 'Reuse settings' }).click();
  // The creator page takes the task from ?rerun=, fills the form with it, and cleans the address.
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue(OK_PROMPT);
  await expect(page).toHaveURL(`${server.url}/`);
});

test('a running task announces its end politely', async ({ page }) => {
  const image = (await api<TaskJson & { image: string }>(`/api/v1/tasks/${okId}`)).image;
  const id = await submit(image, 'Support e2e: watched until it ends');
  await page.goto(`${server.url}/tasks/${id}`);
  const announcement = page.getByTestId('status-announcement');
  await expect(announcement).toHaveAttribute('aria-live', 'polite');
  await expect(announcement).toHaveText('The task is now ready.', { timeout: 60_000 });
  await expect(page.getByTestId('timeline-phase').last()).toHaveAttribute('data-status', 'succeeded');
});

test('the list: failed tasks one click away, in the address, a page at a time', async ({ page }) => {
  await page.goto(`${server.url}/tasks`);
  const failedChip = page.getByTestId('status-chips').getByRole('button', { name: /^Failed/ });
  await expect(failedChip).toHaveText(`Failed (${FAILED_TASKS})`);
  await failedChip.click();
  await expect(failedChip).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]status=failed/);

  const rows = page.getByTestId('task-row');
  await expect(rows).toHaveCount(50);
  await expect(page.getByTestId('list-summary')).toHaveText(`Showing 50 of ${FAILED_TASKS} tasks`);
  await page.getByRole('button', { name: 'Load more' }).click();
  await expect(rows).toHaveCount(FAILED_TASKS);
  await expect(page.getByText('That is all of them.')).toBeVisible();
  await expect(rows.filter({ hasNotText: 'Failed' })).toHaveCount(0);

  await page.reload();
  await expect(failedChip).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(50);
  await expectNoAxeViolations(page);
  await screenshot(page, 'support-list-failed-desktop');

  const newest = rows.first().getByTestId('task-link');
  const newestId = await newest.textContent();
  await newest.click();
  await expect(page).toHaveURL(`${server.url}/tasks/${newestId}`);
  await expect(page.getByTestId('task-error-code')).toHaveText('engine_failed');
});

test('the list: prompt search and date range, with an empty state that says what to do', async ({ page }) => {
  await page.goto(`${server.url}/tasks`);
  await page.getByRole('searchbox', { name: 'Prompt or id contains' }).fill('drifts right');
  await expect(page).toHaveURL(/[?&]q=drifts\+right/);
  await expect(page.getByTestId('task-row')).toHaveCount(1);
  await expect(page.getByTestId('task-row')).toContainText('Ready');

  const modeFilter = page.getByRole('combobox', { name: 'Mode' });
  await modeFilter.selectOption({ label: 'Pro' });
  await expect(page).toHaveURL(/[?&]mode=pro/);
  await expect(page.getByTestId('task-list-no-match')).toBeVisible();
  await modeFilter.selectOption({ label: 'All modes' });
  await expect(page).not.toHaveURL(/mode=/);
  await expect(page.getByTestId('task-row')).toHaveCount(1);

  const tomorrow = new Date(Date.now() + 86_400_000);
  const day = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Created from').fill(day);
  await expect(page.getByTestId('task-list-no-match')).toBeVisible();
  await page.getByTestId('task-list-no-match').getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(`${server.url}/tasks`);
  await expect(page.getByRole('searchbox', { name: 'Prompt or id contains' })).toHaveValue('');
  await expect(page.getByTestId('task-row')).toHaveCount(50);
});

test('the list at phone width: stacked cards, dark, readable at 360 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.url}/tasks?status=failed,succeeded`);
  await expect(page.getByTestId('task-table')).toBeHidden();
  const cards = page.getByTestId('task-cards').getByRole('listitem');
  await expect(cards).toHaveCount(50);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectNoAxeViolations(page);
  await screenshot(page, 'support-list-phone-dark');

  await page.goto(`${server.url}/tasks/${okId}`);
  await expect(page.getByTestId('inspector-video')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(page, 'support-inspector-ready-phone-dark');
});
