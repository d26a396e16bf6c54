/**
 * Cancel where API in One already has the video, in Chromium against a server in API in One
 * mode (a fake upstream over real HTTP on loopback): the question and the toast say plainly that
 * the video may still be made and billed there, and the server stops following it.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JobKeepingUpstream } from '../fakes/job-keeping-upstream';
import { makeUpstreamClip } from '../fakes/upstream-clip';
import { api, submitTask, waitForStatus } from '../support/seed-tasks';
import { startServer, type ServerProcess } from '../support/server-process';
import { CANARY_KEY } from '../support/test-client';
import { SCREENS_DIR } from './helpers/creator-page';

const PROMPT = 'Upstream cancel e2e: a slow pan over the city';
let upstream: JobKeepingUpstream;
let server: ServerProcess;

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-aio-'));
  upstream = await JobKeepingUpstream.start(await makeUpstreamClip(dataDir));
  // The job never finishes upstream: it is still going when the person cancels.
  upstream.script(PROMPT, { polls: ['Processing'] });
  server = await startServer({
    DATA_DIR: dataDir,
    APIINONE_API_KEY: CANARY_KEY,
    APIINONE_BASE_URL: upstream.baseUrl,
    // The person's image is on the fake upstream, on loopback.
    UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
  });
});
test.afterAll(async () => {
  await server?.stop();
  await upstream?.close();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

test('says what cancel cannot stop once API in One has the video, and stops following it', async ({ page }) => {
  const id = await submitTask(server.url, upstream.imageUrl, PROMPT);
  const running = await waitForStatus(server.url, id, 'running');
  expect(running.upstream_task_id).not.toBeNull();

  await page.goto(server.url);
  const card = page.locator(`[data-testid="task-card"][data-task-id="${id}"]`);
  await card.getByTestId('cancel-task').click();
  const ask = card.getByTestId('cancel-ask');
  await expect(ask).toContainText('API in One already has this video and offers no cancel');
  await expect(ask).toContainText('it may still make it and bill your API in One account');
  for (const scheme of ['light', 'dark'] as const) {
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await page.emulateMedia({ colorScheme: scheme });
      await ask.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(SCREENS_DIR, `cancel-ask-apiinone-${width}-${scheme}.png`) });
    }
  }
  await card.getByRole('button', { name: 'Stop following it' }).click();
  await expect(card).toHaveAttribute('data-status', 'canceled');
  const toast = page.getByRole('status').filter({ hasText: 'API in One may still finish it' });
  await expect(toast).toContainText('may still make the video and bill it on the API in One account');

  const job = upstream.jobOfKey(id)!;
  const polls = upstream.pollsOf(job.id);
  await page.waitForTimeout(3000);
  expect(upstream.pollsOf(job.id)).toBeLessThanOrEqual(polls + 1);
  const task = await api<{ status: string; charged_credits: number }>(server.url, `/api/v1/tasks/${id}`);
  expect(task).toMatchObject({ status: 'canceled', charged_credits: 0 });
});
