/**
 * No page scrolls sideways at phone widths (360, 390 and 430 px), whatever the gallery holds: a
 * batch of photos in three shapes, prompts with words longer than the screen, a failed task, the
 * selection bar, the support list (with a long search) and the inspector, the spend page. Every
 * control stays inside the screen too, so nothing is cut off inside a box that hides overflow.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoSideways } from './helpers/layout';
import { screenshot } from './helpers/creator-page';
import { useOwnServer } from './helpers/own-server';
import { seedBatch } from './helpers/seed-batch';
import { submitFailingTask, submitTask, uploadSample, waitForFinal } from '../support/seed-tasks';

/* A server of its own: the videos made here would use up the shared server's simulated credits. */
const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '1500' });

const WIDTHS = [360, 390, 430] as const;
const MARK = `Phonewidth${Date.now()}`;
/* A word no screen is wide enough for, and a link: the two things that do not wrap by themselves. */
const LONG_WORD = `${MARK}${'Supercalifragilistic'.repeat(6)}`;
const LONG_PROMPT = `${LONG_WORD} then https://example.com/${'very-long-path-segment-'.repeat(5)}image.jpg [Push in]`;

let batchTaskId = '';
let failedId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const base = server.url;
  const image = await uploadSample(base);
  const single = await submitTask(base, image, LONG_PROMPT);
  const batch = await seedBatch(base, `${MARK} batch: ${LONG_PROMPT}`);
  failedId = (await submitFailingTask(base, `${MARK} failed: ${LONG_WORD}`)).task_id;
  for (const id of [single, ...batch]) await waitForFinal(base, id);
  batchTaskId = batch[0]!;
});

/* Each page as a person reaches it, waited for until its content is there. */
const PAGES: readonly { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'gallery with a batch and the selection bar',
    open: async (page) => {
      await page.goto(`${server.url}/`);
      await expect(page.getByTestId('batch-group').first()).toBeVisible();
      await expect(page.getByTestId('task-card').filter({ hasText: MARK }).first()).toBeVisible();
      await page.getByTestId('task-card').first().getByRole('checkbox').check();
      await expect(page.getByTestId('selection-bar')).toBeVisible();
    },
  },
  {
    name: 'batch form',
    open: async (page) => {
      await page.goto(`${server.url}/?form=batch`);
      await expect(page.getByRole('form', { name: 'Batch of videos' })).toBeVisible();
    },
  },
  {
    name: 'support list with a long search',
    open: async (page) => {
      await page.goto(`${server.url}/tasks?status=failed,succeeded&q=${encodeURIComponent(LONG_WORD)}`);
      await expect(page.getByTestId('task-cards').getByRole('listitem').first()).toBeVisible();
    },
  },
  {
    name: 'inspector of a batch task',
    open: async (page) => {
      await page.goto(`${server.url}/tasks/${batchTaskId}`);
      await expect(page.getByTestId('inspector-task-id')).toHaveText(batchTaskId);
    },
  },
  {
    name: 'inspector of a failed task',
    open: async (page) => {
      await page.goto(`${server.url}/tasks/${failedId}`);
      await expect(page.getByTestId('task-error')).toBeVisible();
    },
  },
  {
    name: 'spend',
    open: async (page) => {
      await page.goto(`${server.url}/spend`);
      await expect(page.getByRole('heading', { name: 'Spend' })).toBeVisible();
      await expect(page.getByText(/credits in \d+ days|Nothing was charged/).first()).toBeVisible();
    },
  },
];

for (const width of WIDTHS) {
  test(`nothing scrolls sideways or is cut off at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const { name, open } of PAGES) {
      await open(page);
      await expectNoSideways(page, `${name} at ${width} px`);
    }
  });
}

test('the gallery with a batch at 390 px, light and dark', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${server.url}/`);
    const group = page.getByTestId('batch-group').filter({ hasText: MARK });
    await expect(group.getByTestId('batch-header')).toBeVisible();
    await group.scrollIntoViewIfNeeded();
    await screenshot(page, `phone-390-batch-${colorScheme}`, { fullPage: false });
  }
});
