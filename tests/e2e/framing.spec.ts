/**
 * Framing before generating (issue 21), in real Chromium against the real server: a landscape
 * photo framed 9:16 and dragged to its left edge becomes a 9:16 upload, and the task's video is 9:16.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { probeMedia } from '../support/test-media';
import { expectNoAxeViolations } from './helpers/a11y';
import { batchForm, chooseBatchImages, openBatchForm } from './helpers/batch-page';
import { cardFor, chooseImageFile } from './helpers/creator-page';
import { screenshotLooks } from './helpers/looks';
import { writeSceneImage } from './helpers/test-images';

const filesDir = path.join(os.tmpdir(), `framing-e2e-${process.pid}`);
let landscape = '';
let small = '';
let portrait = '';

test.beforeAll(async () => {
  landscape = await writeSceneImage(filesDir, 'landscape.png', { width: 1600, height: 900, format: 'png' });
  portrait = await writeSceneImage(filesDir, 'portrait.jpg', { width: 720, height: 1280, format: 'jpeg' });
  small = await writeSceneImage(filesDir, 'small.jpg', { width: 800, height: 450, format: 'jpeg' });
});
test.afterAll(async () => {
  await fs.rm(filesDir, { recursive: true, force: true });
});

test('a landscape photo framed 9:16 gives a 9:16 video, cropped where the frame was dragged', async ({
  page,
  request,
}) => {
  const prompt = `Slow push in on the hills, framed for Reels ${Date.now()}`;
  await page.goto('/');
  await chooseImageFile(page, landscape);
  await expect(page.getByTestId('image-details')).toContainText('1600×900');
  const frame = page.getByRole('group', { name: 'Frame' });
  await expect(frame.getByRole('radio', { name: /^As the photo/ })).toBeChecked();
  await frame.getByRole('radio', { name: /^9:16/ }).locator('..').click();
  await expect(frame.getByRole('radio', { name: /^9:16/ })).toBeChecked();
  await expect(page.getByTestId('framing-size')).toContainText('506×900 px');

  // Drag the crop all the way to the photo's left edge.
  const crop = page.getByTestId('framing-crop');
  await crop.scrollIntoViewIfNeeded();
  const box = (await crop.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x - 400, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(crop).toHaveAttribute('aria-valuetext', /^0% across/);
  await expectNoAxeViolations(page, 'the framing field');
  await screenshotLooks(page, 'framing-9x16', () => frame.scrollIntoViewIfNeeded());

  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: /Generate video/ }).click();
  const card = cardFor(page, prompt);
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });

  const listed = await request.get(`/api/v1/tasks?q=${encodeURIComponent(prompt)}`);
  const task = (
    (await listed.json()) as {
      items: { image: string; result: { download_url: string; width: number; height: number } }[];
    }
  ).items[0]!;
  // What the task records is the framed photo, taken from the left edge (the sky's left is the darkest blue).
  const image = await (await request.get(task.image)).body();
  const meta = await sharp(image).metadata();
  expect([meta.width, meta.height]).toEqual([506, 900]);
  const stats = await sharp(image).stats();
  expect(stats.channels[2]!.mean).toBeGreaterThan(stats.channels[0]!.mean);
  expect(task.result.height / task.result.width).toBeCloseTo(16 / 9, 1);

  const download = await request.get(task.result.download_url);
  const file = path.join(filesDir, 'framed.mp4');
  await fs.writeFile(file, await download.body());
  const probe = await probeMedia(file);
  expect(probe.height / probe.width).toBeCloseTo(16 / 9, 1);
  expect(probe.height).toBeGreaterThan(probe.width);
});

test('a crop under Hailuo’s minimum is named before anything is sent', async ({ page }) => {
  await page.goto('/');
  await chooseImageFile(page, small);
  await expect(page.getByTestId('image-details')).toContainText('800×450');
  await page.getByRole('group', { name: 'Frame' }).getByRole('radio', { name: /^9:16/ }).locator('..').click();
  await expect(page.getByTestId('framing-note')).toContainText('Framed 9:16, the picture is 253×450 px');
  await expect(page.getByTestId('framing-note')).toContainText('more than 300 px');
  await page.getByRole('group', { name: 'Frame' }).getByRole('radio', { name: /^16:9/ }).locator('..').click();
  await expect(page.getByTestId('framing-note')).toHaveCount(0);
});

test('a batch framed 1:1 makes each photo, landscape or portrait, a centred square, and each video square', async ({
  page,
  request,
}) => {
  const prompt = `Orbit the product, square for the feed ${Date.now()}`;
  await openBatchForm(page);
  await chooseBatchImages(page, [landscape, portrait]);
  const form = batchForm(page);
  const frame = form.getByRole('group', { name: 'Frame' });
  await frame.getByRole('radio', { name: /^1:1/ }).locator('..').click();
  await expect(frame.getByRole('radio', { name: /^1:1/ })).toBeChecked();
  await form.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await form.getByRole('button', { name: /^Start 2 videos/ }).click();
  const group = page.getByTestId('batch-group').filter({ hasText: prompt });
  await expect(group.getByTestId('batch-summary')).toContainText('2 of 2 ready', { timeout: 90_000 });

  const listed = await request.get(`/api/v1/tasks?q=${encodeURIComponent(prompt)}`);
  const tasks = ((await listed.json()) as { items: { image: string; result: { width: number; height: number } }[] })
    .items;
  expect(tasks).toHaveLength(2);
  const sides: number[] = [];
  for (const task of tasks) {
    const meta = await sharp(await (await request.get(task.image)).body()).metadata();
    expect(meta.width).toBe(meta.height);
    sides.push(meta.width!);
    expect(task.result.width).toBe(task.result.height);
  }
  // Each photo's short side is the square's: 900 of the landscape, 720 of the portrait.
  expect(sides.sort((a, b) => a - b)).toEqual([720, 900]);
});
