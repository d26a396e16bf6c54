/**
 * The tasks that need a person, in real Chromium against the real server in API in One mode
 * (a fake API in One over real HTTP): a submit whose answer was lost, and a task the upstream
 * calls done without a link we can read. Support finds them with one chip, sees what happened
 * and where to look, and is never told that nothing was billed upstream.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';
import { ServerProcess } from '../support/server-process';
import { CANARY_KEY } from '../support/test-client';
import { makeDataDir } from '../support/test-server';
import { expectNoAxeViolations } from './helpers/a11y';
import { screenshot } from './helpers/creator-page';

const PROMPTS = {
  lost: 'Attention e2e: the answer to this submit was lost',
  noLink: 'Attention e2e: done, but no link came',
  refused: 'Attention e2e: refused for credits',
  made: 'Attention e2e: made as asked',
};

let upstream: JobKeepingUpstream;
let server: ServerProcess;
let dataDir = '';
const ids: Record<keyof typeof PROMPTS, string> = { lost: '', noLink: '', refused: '', made: '' };

async function api<T>(pathname: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${server.url}${pathname}`, init);
  if (!response.ok) throw new Error(`${pathname}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function submit(prompt: string): Promise<string> {
  const body = { model: 'hailuo-2-3', prompt, image: upstream.imageUrl };
  const created = await api<{ task_id: string }>('/api/v1/videos/generations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return created.task_id;
}

async function waitForEnd(id: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await api<{ finished_at: string | null }>(`/api/v1/tasks/${id}`)).finished_at === null) {
    if (Date.now() > deadline) throw new Error(`task ${id} did not end in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = makeDataDir();
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(dataDir));
  upstream
    .script(PROMPTS.lost, { answersLost: [{ drop: true }] })
    .script(PROMPTS.noLink, { polls: [{ json: { code: 200, data: { state: 'success', resultJson: '{}' } } }] })
    .script(PROMPTS.refused, { submitFaults: [{ json: { code: 402, msg: 'Insufficient credits' } }] })
    .script(PROMPTS.made, { polls: ['Success'] });
  server = await ServerProcess.create(dataDir, {
    APIINONE_API_KEY: CANARY_KEY,
    APIINONE_BASE_URL: upstream.baseUrl,
    APIINONE_TIMEOUT_MS: '3000',
    APIINONE_RESULT_GRACE_MS: '800',
    LOG_LEVEL: 'error',
    UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
  });
  await server.start();
  for (const key of Object.keys(PROMPTS) as (keyof typeof PROMPTS)[]) ids[key] = await submit(PROMPTS[key]);
  for (const id of Object.values(ids)) await waitForEnd(id);
});

test.afterAll(async () => {
  await server?.stop();
  await upstream?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the list shows how many need a person, and one chip shows just those', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${server.url}/tasks`);
  const chip = page.getByTestId('attention-chip');
  await expect(chip).toHaveText('Needs attention (2)');
  await expect(page.getByTestId('task-table').getByTestId('attention-badge')).toHaveCount(2);
  await screenshot(page, 'attention-list-light');

  await chip.click();
  await expect(page).toHaveURL(/attention=1/);
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  const rows = page.getByTestId('task-table').getByTestId('task-row');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('list-summary')).toHaveText('Showing 2 of 2 tasks');
  for (const id of [ids.lost, ids.noLink]) await expect(page.getByRole('link', { name: id })).toBeVisible();
  await expectNoAxeViolations(page, 'attention list, filtered, light');
  await screenshot(page, 'attention-list-filtered-light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expectNoAxeViolations(page, 'attention list, filtered, dark');
  await screenshot(page, 'attention-list-filtered-dark');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('task-cards').getByTestId('attention-badge')).toHaveCount(2);
  await screenshot(page, 'attention-list-phone-dark');
});

test('a task the engine calls done without a link: what happened, where to look, never "not billed"', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${server.url}/tasks/${ids.noLink}`);
  const panel = page.getByTestId('task-attention');
  await expect(panel).toContainText('Needs attention: the engine may have billed this video');
  await expect(page.getByTestId('task-error-code')).toHaveText('result_unreadable');
  const upstreamId = await page.getByTestId('inspector-upstream-id').innerText();
  await expect(page.getByTestId('task-attention-message')).toContainText(
    `Look up upstream task ${upstreamId} in the API in One console`,
  );
  await expect(page.getByTestId('nothing-charged')).toHaveText(
    `Nothing charged here. API in One may have billed this video: check upstream task ${upstreamId} in the API in One console.`,
  );
  await expect(page.getByTestId('task-error')).toHaveCount(0);
  await expect(page.getByText(/No credits were charged|failed tasks are never billed/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'inspector, no link, light');
  await screenshot(page, 'attention-inspector-no-link-light');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(panel).toBeVisible();
  await expectNoAxeViolations(page, 'inspector, no link, dark');
  await screenshot(page, 'attention-inspector-no-link-dark');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'attention-inspector-no-link-phone-dark');
});

test('a submit whose answer was lost: not sent again, and where to look for it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/tasks/${ids.lost}`);
  await expect(page.getByTestId('task-error-code')).toHaveText('submit_unknown');
  await expect(page.getByTestId('task-error-message')).toContainText('It was not sent again');
  await expect(page.getByTestId('task-attention-message')).toContainText('with this prompt');
  await expect(page.getByTestId('inspector-upstream-id')).toHaveText('not assigned yet');
  expect(upstream.submitsOf(ids.lost)).toHaveLength(1);
  await screenshot(page, 'attention-inspector-lost-phone-light');
});

test('an ordinary refusal is not marked, and says who has to act', async ({ page }) => {
  await page.goto(`${server.url}/tasks/${ids.refused}`);
  await expect(page.getByTestId('task-error')).toContainText('This task failed');
  await expect(page.getByTestId('task-error-code')).toHaveText('upstream_out_of_credits');
  await expect(page.getByTestId('task-error-message')).toContainText('Top up in the API in One console');
  await expect(page.getByTestId('task-attention')).toHaveCount(0);
  await expect(page.getByTestId('attention-badge')).toHaveCount(0);
});
