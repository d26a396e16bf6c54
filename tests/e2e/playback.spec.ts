/**
 * Playing a finished video from its card, and its card's shape. A mouse over the picture plays
 * a muted preview in place, and a click on the picture or its play button then plays the video
 * in the larger player (the click never stops the preview it meets); on a touch screen one tap
 * plays. Each card's picture has its video's own shape: a portrait video is not a 16:9 crop.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { Task } from '@/shared/contract';
import { screenshot } from './helpers/creator-page';
import { useOwnServer } from './helpers/own-server';
import { seedBatch } from './helpers/seed-batch';
import { waitForFinal } from '../support/seed-tasks';

/* A server of its own: the videos made here would use up the shared server's simulated credits. */
const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '1500' });

const MARK = `Playback${Date.now()}`;
let finished: Task[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const base = server.url;
  const ids = await seedBatch(base, `${MARK} a bottle on a table [Push in]`);
  finished = [];
  for (const id of ids) finished.push(await waitForFinal(base, id));
  expect(finished.map((task) => task.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
});

function cardOf(page: Page, task: Task): Locator {
  return page.locator(`[data-testid="task-card"][data-task-id="${task.task_id}"]`);
}

async function expectPlaying(video: Locator): Promise<void> {
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(0.3);
  expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(false);
}

test('a mouse previews in place; clicking the play button then plays it large instead of stopping it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${server.url}/`);
  const card = cardOf(page, finished[2]!);
  await expect(card.getByTestId('inline-video')).toHaveCount(0);

  await card.getByTestId('task-media').hover();
  await expectPlaying(card.getByTestId('inline-video'));

  // The play button sits under the pointer while the preview plays: a click plays, large.
  await card.getByRole('button', { name: 'Play the video' }).click();
  const dialog = page.getByRole('dialog', { name: 'Watch the video' });
  await expectPlaying(dialog.getByTestId('player-video'));
  await expect(card.getByTestId('inline-video')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // A click on the picture away from the button does the same.
  const media = card.getByTestId('task-media');
  const box = (await media.boundingBox())!;
  await page.mouse.click(box.x + 12, box.y + box.height - 12);
  await expectPlaying(dialog.getByTestId('player-video'));
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('one tap on the picture plays the video', async ({ page }) => {
    await page.goto(`${server.url}/`);
    const card = cardOf(page, finished[0]!);
    await card.getByTestId('task-media').tap();
    const dialog = page.getByRole('dialog', { name: 'Watch the video' });
    await expectPlaying(dialog.getByTestId('player-video'));
    // A touch makes no muted preview behind the player.
    await expect(card.getByTestId('inline-video')).toHaveCount(0);
  });
});

test('each card’s picture has its video’s shape, the portrait whole rather than cropped', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(`${server.url}/`);
  await expect(cardOf(page, finished[0]!)).toBeVisible();
  const shapes = [];
  for (const task of finished) {
    const media = cardOf(page, task).getByTestId('task-media');
    const box = (await media.boundingBox())!;
    const fit = await media
      .locator('img')
      .last()
      .evaluate((img) => getComputedStyle(img).objectFit);
    shapes.push({ frame: box.width / box.height, video: task.result!.width / task.result!.height, fit });
  }
  const [portrait, square, landscape] = shapes;
  // The portrait is as tall as a card allows (4:5) and drawn whole; square and landscape are their own shape.
  expect(portrait!.video).toBeLessThan(0.6);
  expect(portrait!.frame).toBeCloseTo(0.8, 1);
  expect(square!.frame).toBeCloseTo(square!.video, 1);
  expect(landscape!.frame).toBeCloseTo(landscape!.video, 1);
  expect(shapes.map((shape) => shape.fit)).toEqual(['contain', 'contain', 'contain']);

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.getByTestId('batch-group').filter({ hasText: MARK }).scrollIntoViewIfNeeded();
    await screenshot(page, `card-shapes-1366-${colorScheme}`, { fullPage: false });
  }
});
