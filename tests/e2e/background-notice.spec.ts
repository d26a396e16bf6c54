/**
 * A video that ends while its tab is in the background: the tab's title says so and, with
 * notifications allowed, a system notification does too; back in the tab, the title returns.
 * Permission is asked once, at a submit, never on page load.
 *
 * Headless Chromium keeps every tab visible, so the spec emulates a hidden tab by answering
 * `document.visibilityState` and firing `visibilitychange` as the browser would. Notifications
 * are real; a wrapper around the constructor records which were shown.
 */
import { expect, test, type Page } from '@playwright/test';
import { useOwnServer } from './helpers/own-server';
import { submitTask, uploadSample } from '../support/seed-tasks';

const PROMPT = 'Background e2e: the bottle spins once, slowly';

const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '6000' });

interface Spied {
  __notifications: { title: string; body: string }[];
  __permissionAsked: number;
  __hidden: boolean;
}

async function spyOnTabAndNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const spied = window as unknown as Spied;
    spied.__notifications = [];
    spied.__permissionAsked = 0;
    spied.__hidden = false;
    Object.defineProperty(document, 'visibilityState', { get: () => (spied.__hidden ? 'hidden' : 'visible') });
    Object.defineProperty(document, 'hidden', { get: () => spied.__hidden });
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        spied.__notifications.push({ title, body: options?.body ?? '' });
      }
    }
    const ask = Real.requestPermission.bind(Real);
    Object.defineProperty(Recorded, 'requestPermission', {
      value: () => {
        spied.__permissionAsked++;
        return ask();
      },
    });
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    window.Notification = Recorded;
  });
}

async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    (window as unknown as Spied).__hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('a video that ends in a background tab changes the title and shows a notification', async ({ page, context }) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['notifications'], { origin: server.url });
  await spyOnTabAndNotifications(page);
  const taskId = await submitTask(server.url, await uploadSample(server.url), PROMPT);

  await page.goto(server.url);
  await expect(page).toHaveTitle('Hailuo Studio');
  const card = page.locator(`[data-task-id="${taskId}"]`);
  await expect(card).toHaveAttribute('data-status', /queued|running/);
  await setHidden(page, true);

  // A hidden tab polls less often (POLL_HIDDEN_MS), so the end may take a while to be heard.
  await expect(page).toHaveTitle('Your video is ready · Hailuo Studio', { timeout: 45_000 });
  const shown = await page.evaluate(() => (window as unknown as Spied).__notifications);
  expect(shown).toEqual([{ title: 'Your video is ready', body: PROMPT }]);

  await setHidden(page, false);
  await expect(page).toHaveTitle('Hailuo Studio');
});

test('permission for notifications is asked at the first submit, not on page load', async ({ page }) => {
  await spyOnTabAndNotifications(page);
  const image = await uploadSample(server.url);
  const taskId = await submitTask(server.url, image, `${PROMPT} (asked)`);
  await page.goto(server.url);
  await expect(page.locator(`[data-task-id="${taskId}"]`)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as Spied).__permissionAsked)).toBe(0);

  await page.locator(`[data-task-id="${taskId}"]`).getByRole('button', { name: 'Reuse settings' }).click();
  await page.getByRole('button', { name: /Generate video/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your video is on its way' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as Spied).__permissionAsked)).toBe(1);
});
