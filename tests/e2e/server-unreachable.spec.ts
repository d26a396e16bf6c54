/**
 * The server goes away while a video is being made: the page says "Cannot reach the server —
 * retrying" in place of silent spinners, a submit says so in a toast, and when the server is
 * back (same port, same data) the notice clears by itself and the video finishes.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startServer, type ServerProcess } from '../support/server-process';
import { applyLook, expectNoAxeViolations, LOOKS } from './helpers/a11y';
import { screenshot } from './helpers/creator-page';
import { submitTask, uploadSample } from '../support/seed-tasks';

const PROMPT = 'Unreachable e2e: the bottle turns slowly on its stand';

let server: ServerProcess | null = null;
let env: Record<string, string> = {};

test.beforeAll(async () => {
  env = { PORT: String(await freePort()), DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'unreachable-e2e-')) };
});

test.afterAll(async () => {
  await server?.stop();
  if (env.DATA_DIR) fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
});

test('a lost server is said plainly, a submit says so too, and it all clears when it is back', async ({ page }) => {
  test.setTimeout(150_000);
  server = await startServer({ ...env, LOCAL_ENGINE_DELAY_MS: '15000' });
  const url = server.url;
  const taskId = await submitTask(url, await uploadSample(url), PROMPT);

  await page.goto(url);
  const card = page.locator(`[data-task-id="${taskId}"]`);
  await expect(card).toHaveAttribute('data-status', /queued|running/);
  await card.getByRole('button', { name: 'Reuse settings' }).click(); // a filled form, to submit while the server is away
  await expect(page.getByTestId('image-details')).toContainText('from an earlier video');
  const notice = page.getByTestId('connection-notice');
  await expect(notice).toBeEmpty();

  await server.stop();
  server = null;
  await expect(notice).toContainText('Cannot reach the server — retrying', { timeout: 15_000 });
  await expect(notice).toHaveAttribute('role', 'status');

  await page.getByRole('button', { name: /Generate video/ }).click();
  const toast = page.getByRole('alert').filter({ hasText: 'The video was not started' });
  await expect(toast).toContainText('Cannot reach the server');
  for (const look of [LOOKS[0], LOOKS[3]]) {
    if (!look) continue;
    await applyLook(page, look);
    await expectNoAxeViolations(page, `server unreachable, ${look.name}`);
  }
  await screenshot(page, 'server-unreachable', { fullPage: false });

  server = await startServer({ ...env, LOCAL_ENGINE_DELAY_MS: '15000' });
  await expect(notice).toContainText('Connected to the server again', { timeout: 15_000 });
  await expect(notice).toBeEmpty({ timeout: 15_000 });
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
});
