/**
 * Where the new work appears: after Generate or Start batch the new card (or the batch's
 * group) is brought into view just below the sticky header, at phone width where the gallery
 * sits under the form and on a desktop scrolled far down the gallery. On a 1366×900 screen the
 * Generate button is in view without scrolling, before and after an image is chosen.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { batchForm, chooseBatchImages, openBatchForm } from './helpers/batch-page';
import { chooseImageFile, screenshot } from './helpers/creator-page';
import { useOwnServer } from './helpers/own-server';
import { writeSceneImage } from './helpers/test-images';
import { submitTask, uploadSample } from '../support/seed-tasks';

/* A server of its own: the videos made here would use up the shared server's simulated credits. */
const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '1500' });

const filesDir = path.join(os.tmpdir(), `new-work-e2e-${process.pid}`);
let photos: string[] = [];

test.beforeAll(async () => {
  photos = [
    await writeSceneImage(filesDir, 'mug.jpg', { width: 1280, height: 720, format: 'jpeg' }),
    await writeSceneImage(filesDir, 'lamp.jpg', { width: 720, height: 1280, format: 'jpeg' }),
  ];
  // Enough cards for the gallery to be far taller than the screen.
  const base = server.url;
  const image = await uploadSample(base);
  for (let i = 0; i < 8; i++) await submitTask(base, image, `Filler card ${i} for new-work-in-view`);
});

test.afterAll(async () => {
  await fs.rm(filesDir, { recursive: true, force: true });
});

/** The element's box lies between the sticky header's foot and the bottom of the screen (its top, for a tall one). */
async function expectBelowHeader(page: Page, element: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        const headerBottom =
          (await page.locator('header').first().boundingBox())!.y +
          (await page.locator('header').first().boundingBox())!.height;
        const box = (await element.boundingBox())!;
        const viewport = page.viewportSize()!;
        return box.y >= headerBottom - 1 && box.y + Math.min(box.height, 200) <= viewport.height;
      },
      { message: 'the new work sits below the sticky header, in view' },
    )
    .toBe(true);
}

async function generate(page: Page, prompt: string): Promise<Locator> {
  await chooseImageFile(page, photos[0]!);
  await expect(page.getByTestId('image-details')).toContainText('1280×720');
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: /Generate video/ }).click();
  return page.getByTestId('task-card').filter({ hasText: prompt });
}

test('at phone width the new card scrolls into view below the header after Generate', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${server.url}/`);
  const card = await generate(page, `Phone new card ${Date.now()}`);
  await expect(card).toBeVisible();
  await expectBelowHeader(page, card);
  await screenshot(page, 'new-card-390', { fullPage: false });
});

test('at phone width the new batch scrolls into view below the header after Start', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openBatchForm(page, server.url);
  await chooseBatchImages(page, photos);
  const prompt = `Phone new batch ${Date.now()}`;
  await batchForm(page).getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await batchForm(page)
    .getByRole('button', { name: /^Start 2 videos/ })
    .click();
  const group = page.getByTestId('batch-group').filter({ hasText: prompt });
  await expect(group).toBeVisible();
  await expectBelowHeader(page, group);
});

test('on a 1366×900 desktop Generate is in view, and the new card is shown even from far down the gallery', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${server.url}/`);
  const button = page.getByRole('button', { name: /Generate video/ });
  await expect(button).toBeInViewport({ ratio: 1 });
  await chooseImageFile(page, photos[1]!);
  await expect(page.getByTestId('image-details')).toContainText('720×1280');
  await expect(button).toBeInViewport({ ratio: 1 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await screenshot(page, `form-1366x900-${colorScheme}`, { fullPage: false });
  }

  // Far down the gallery, the form still beside it: Generate, and the new card comes into view.
  await expect(page.getByTestId('task-card').nth(6)).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(button).toBeInViewport({ ratio: 1 });
  const prompt = `Desktop new card ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await button.click();
  const card = page.getByTestId('task-card').filter({ hasText: prompt });
  await expect(card).toBeVisible();
  await expectBelowHeader(page, card);
});
