/**
 * Accessibility of every page and dialog in real Chromium against the real server: axe
 * (WCAG 2.0–2.2, A and AA) finds nothing in light and dark mode, at desktop and 360 px wide;
 * focus is visible, stays inside the player dialog and goes back to what opened it.
 *
 * The spec runs its own server so it controls what exists: first with a very slow local
 * engine (an empty first run, then a task that stays running), then restarted on the same
 * port and data with a fast one, where that task finishes and a failed one joins it.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startServer, type ServerProcess } from '../support/server-process';
import { expectAccessibleInEveryLook, expectFocusVisible, tabTo } from './helpers/a11y';
import { submitFailingTask, submitTask, uploadSample, waitForStatus } from '../support/seed-tasks';

const RUNNING_PROMPT = 'A11y e2e: a slow orbit around the bottle, warm rim light';
const FAILING_PROMPT = 'A11y e2e: the link to this image is gone';

let server: ServerProcess;
let env: Record<string, string> = {};
let image = '';
let runningId = '';
let failedId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'a11y-e2e-'));
  env = { PORT: String(await freePort()), DATA_DIR: dataDir };
  // Ten minutes per video: whatever is started in this phase is still running when it is checked.
  server = await startServer({ ...env, LOCAL_ENGINE_DELAY_MS: '600000' });
});

test.afterAll(async () => {
  await server?.stop();
  if (env.DATA_DIR) fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
});

const creator = (page: Page) => page.getByRole('form', { name: 'New video' });

test('the first run: an empty gallery with the sample offer, and the form with its field errors', async ({ page }) => {
  test.setTimeout(240_000);
  await expectAccessibleInEveryLook(page, 'first run', async () => {
    await page.goto(server.url);
    await expect(page.getByTestId('gallery-empty')).toBeVisible();
    await expect(page.getByTestId('price')).toContainText('credits');
  });
  await expect(page.getByRole('button', { name: 'Try it with a sample product photo' })).toBeVisible();
  // The banner says what is simulated and the one command that switches to the real API.
  await expect(page.getByTestId('engine-banner')).toContainText('Local preview engine — simulated, no credits spent.');
  await expect(page.getByTestId('engine-banner')).toContainText('APIINONE_API_KEY=aio_… npm start');
  await expect(page.getByTestId('engine-banner')).toContainText('Switching to the real API in One');

  await expectAccessibleInEveryLook(page, 'form with field errors', async () => {
    await page.goto(server.url);
    await creator(page)
      .getByRole('button', { name: /Generate video/ })
      .click();
    await expect(creator(page).getByTestId('image-error')).toBeVisible();
    await expect(creator(page).getByRole('textbox', { name: 'Prompt' })).toHaveAttribute('aria-invalid', 'true');
  });
});

test('a running task, on the creator page and in the inspector', async ({ page }) => {
  test.setTimeout(240_000);
  image = await uploadSample(server.url);
  runningId = await submitTask(server.url, image, RUNNING_PROMPT, { model: 'hailuo/2-3-image-to-video-pro' });
  await waitForStatus(server.url, runningId, 'running');

  await expectAccessibleInEveryLook(page, 'creator page with a running task', async () => {
    await page.goto(server.url);
    await expect(page.locator(`[data-task-id="${runningId}"]`)).toHaveAttribute('data-status', 'running');
  });
  await expectAccessibleInEveryLook(page, 'inspector of a running task', async () => {
    await page.goto(`${server.url}/tasks/${runningId}`);
    await expect(page.getByTestId('inspector-task-id')).toHaveText(runningId);
  });
});

test('with finished and failed tasks: the gallery, the player, the inspector, the list, not-found pages', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await server.stop();
  server = await startServer({ ...env, LOCAL_ENGINE_DELAY_MS: '1000' });
  await waitForStatus(server.url, runningId, 'succeeded');
  failedId = (await submitFailingTask(server.url, FAILING_PROMPT)).task_id;
  const card = page.locator(`[data-task-id="${runningId}"]`);

  await expectAccessibleInEveryLook(page, 'gallery with a ready and a failed video', async () => {
    await page.goto(server.url);
    await expect(card).toHaveAttribute('data-status', 'succeeded');
    await expect(page.locator(`[data-task-id="${failedId}"]`).getByTestId('task-error')).toBeVisible();
    // Its image link is dead: a plain frame, not the browser's broken-image icon.
    await expect(page.locator(`[data-task-id="${failedId}"] img`)).toBeHidden();
  });
  await expectAccessibleInEveryLook(page, 'player dialog', async () => {
    await page.goto(server.url);
    await card.getByRole('button', { name: 'Watch' }).click();
    await expect(page.getByRole('dialog', { name: 'Watch the video' }).getByTestId('player-video')).toBeVisible();
  });
  for (const [what, id] of [
    ['inspector of a ready task', runningId],
    ['inspector of a failed task', failedId],
  ] as const) {
    await expectAccessibleInEveryLook(page, what, async () => {
      await page.goto(`${server.url}/tasks/${id}`);
      await expect(page.getByTestId('inspector-task-id')).toHaveText(id);
    });
  }
  await expectAccessibleInEveryLook(page, 'task list', async () => {
    await page.goto(`${server.url}/tasks`);
    await expect(page.getByTestId('task-link').filter({ visible: true }).first()).toBeVisible();
  });
  await expectAccessibleInEveryLook(page, 'page not found', async () => {
    await page.goto(`${server.url}/no/such/page`);
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  });
  await expectAccessibleInEveryLook(page, 'task not found', async () => {
    await page.goto(`${server.url}/tasks/tsk_not_a_real_one`);
    await expect(page.getByRole('heading', { name: 'No task with this id' })).toBeVisible();
  });
});

test('the sign-in page (on an open server it says no sign-in is needed)', async ({ page }) => {
  // The batch form, a batch in the gallery, the compare dialog and /spend are checked the same
  // way, in every look, by batch.spec.ts.
  await expectAccessibleInEveryLook(page, 'sign-in page of an open server', async () => {
    await page.goto(`${server.url}/sign-in`);
    await expect(page.getByTestId('sign-in-state')).toBeVisible();
  });
});

test('the player dialog keeps focus inside and gives it back to what opened it', async ({ page }) => {
  await page.goto(server.url);
  const card = page.locator(`[data-task-id="${runningId}"]`);
  const watch = card.getByRole('button', { name: 'Watch' });
  const dialog = page.getByRole('dialog', { name: 'Watch the video' });
  const focusInDialog = () =>
    page.evaluate(() => document.activeElement?.closest('dialog[open]') !== null && document.activeElement !== null);

  await tabTo(page, watch);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  expect(await focusInDialog()).toBe(true);
  // Round the dialog both ways, further than it has stops: focus never reaches the page behind.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(key);
      expect(await focusInDialog(), `${key} #${i + 1} stays in the dialog`).toBe(true);
      await expectFocusVisible(page);
    }
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(watch).toBeFocused();

  // The close button and the card's picture (its play button) give focus back the same way.
  const expand = card.getByRole('button', { name: 'Play the video' });
  await expand.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(expand).toBeFocused();
});

test('every stop on the way through each page shows its focus', async ({ page }) => {
  for (const url of [server.url, `${server.url}/tasks`, `${server.url}/tasks/${failedId}`]) {
    await page.goto(url);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    const stops = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      // Past the last control focus leaves the page for the browser's own toolbar: the walk is done.
      if (await page.evaluate(() => document.activeElement === document.body)) break;
      await expectFocusVisible(page);
      stops.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    }
    expect(stops.size, `${url}: Tab moves through many controls`).toBeGreaterThan(10);
  }
});
