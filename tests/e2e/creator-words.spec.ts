/**
 * What the pages say, as a creator reads it: the local-engine notice is one line that opens
 * for the details, goes away when dismissed (and stays away), and at phone width sits on the
 * creator page only; touch screens see no keyboard shortcuts; a normal local task's inspector
 * does not report a missing HTTP answer; "Reuse settings" says what the old "Re-run" did.
 */
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './helpers/creator-page';
import { submitTask, uploadSample, waitForFinal } from '../support/seed-tasks';

const banner = (page: Page) => page.getByTestId('engine-banner');

test('the local-engine notice is one line, opens for the details, and once dismissed stays away', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto('/');
  await expect(banner(page)).toContainText('Local preview engine — simulated, no credits spent.');
  // One line: the command that switches engines is there for whoever opens it, not above every page.
  expect((await banner(page).boundingBox())!.height).toBeLessThan(48);
  const command = banner(page).getByText('APIINONE_API_KEY=aio_… npm start');
  await expect(command).toBeHidden();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `engine-banner-1366-${colorScheme}`, { fullPage: false });
  }
  await banner(page).getByText('How to use the real Hailuo 2.3').click();
  await expect(command).toBeVisible();

  await page.getByRole('button', { name: 'Dismiss the notice about the local engine' }).click();
  await expect(banner(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('form', { name: 'New video' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { name: 'Tasks' })).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test.describe('at phone width on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('the notice is on the creator page only, and no keyboard shortcut is offered', async ({ page }) => {
    await page.goto('/');
    await expect(banner(page)).toBeVisible();
    await expect(page.getByRole('form', { name: 'New video' })).toBeVisible();
    await expect(page.getByText('The photo to bring to life')).toBeVisible();
    // Ctrl+V, Ctrl+Enter and "/" mean nothing without a keyboard.
    for (const hint of await page.getByTestId('keyboard-hint').all()) await expect(hint).toBeHidden();
    expect(await page.locator('body').innerText()).not.toMatch(/Ctrl|⌘/);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `creator-touch-390-${colorScheme}`, { fullPage: false });
    }

    for (const [path, heading] of [
      ['/tasks', 'Tasks'],
      ['/spend', 'Spend'],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await expect(banner(page)).toBeHidden();
    }
  });
});

test('a mouse and keyboard still get the shortcuts', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('keyboard-hint')).toHaveCount(3);
  for (const hint of await page.getByTestId('keyboard-hint').all()) await expect(hint).toBeVisible();
});

test('a normal local task’s inspector says what each step did, never "no HTTP answer"', async ({ page, baseURL }) => {
  const base = baseURL ?? '';
  const task = await waitForFinal(base, await submitTask(base, await uploadSample(base), `Words ${Date.now()}`));
  expect(task.status).toBe('succeeded');
  await page.goto(`/tasks/${task.task_id}`);
  const exchanges = page.getByTestId('upstream-exchange');
  await expect(exchanges.first()).toBeVisible();
  await expect(page.getByTestId('upstream-exchanges')).not.toContainText('no HTTP answer');
  await expect(exchanges.filter({ hasText: 'download' })).toContainText('saved');
  await expect(page.getByRole('link', { name: 'Reuse settings' })).toBeVisible();
});
