/**
 * A montage (issue 21) in real Chromium against the real server: two finished clips from the
 * gallery's selection, trimmed, with a crossfade, captions, an end card and a soundtrack; it
 * renders with progress, plays in the list of montages (opened for it, and again from the button
 * beside the gallery's heading) and downloads; ffprobe reads frame, length and sound.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { makeAudio, probeMedia } from '../support/test-media';
import { expectNoAxeViolations } from './helpers/a11y';
import { cardFor } from './helpers/creator-page';
import { screenshotLooks } from './helpers/looks';
import { writeSceneImage } from './helpers/test-images';

const filesDir = path.join(os.tmpdir(), `montage-e2e-${process.pid}`);
const stamp = Date.now();
const prompts = [`Montage clip one, slow push in ${stamp}`, `Montage clip two, pan left ${stamp}`];
let song = '';

async function finishedClip(request: APIRequestContext, prompt: string, image: string): Promise<void> {
  const uploaded = await request.post('/api/v1/uploads', {
    multipart: { file: { name: 'scene.png', mimeType: 'image/png', buffer: await fs.readFile(image) } },
  });
  const { url } = (await uploaded.json()) as { url: string };
  const created = await request.post('/api/v1/videos/generations', {
    data: { model: 'hailuo-2-3', prompt, image: url, duration: '6', resolution: '768P' },
  });
  expect(created.status()).toBe(202);
}

let image = '';

test.beforeAll(async () => {
  image = await writeSceneImage(filesDir, 'scene.png', { width: 1280, height: 720, format: 'png' });
  song = path.join(filesDir, 'song.mp3');
  await fs.writeFile(song, await makeAudio('mp3', 30));
});
test.afterAll(async () => {
  await fs.rm(filesDir, { recursive: true, force: true });
});

test('two trimmed clips with a crossfade, captions and a soundtrack: it renders, plays and downloads', async ({
  page,
  request,
}) => {
  for (const prompt of prompts) await finishedClip(request, prompt, image);
  await page.goto('/');
  for (const prompt of prompts) {
    const card = cardFor(page, prompt);
    await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
    await card.getByRole('checkbox', { name: /^Select for download or compare/ }).check();
  }
  await page
    .getByRole('region', { name: 'Selected videos' })
    .getByRole('button', { name: 'Montage', exact: true })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Make a montage' });
  await expect(dialog.getByTestId('montage-clip')).toHaveCount(2);
  await dialog.getByRole('combobox', { name: /^Frame/ }).selectOption('9:16');
  await dialog.getByRole('combobox', { name: /^Fit/ }).selectOption('pad');
  await dialog.getByRole('combobox', { name: /^Between clips/ }).selectOption('crossfade');
  await dialog.getByLabel('Clip 1 starts at (seconds)').fill('0.5');
  await dialog.getByLabel('Clip 1 ends at (seconds)').fill('3.5');
  await dialog.getByLabel('Clip 2 starts at (seconds)').fill('1');
  await dialog.getByLabel('Clip 2 ends at (seconds)').fill('4');
  await dialog.getByLabel('Clip 1 caption').fill('New: the summer line');
  await dialog.getByLabel('Clip 2 caption').fill('Free shipping this week');
  await dialog.getByLabel('End card text (optional)').fill('shop.example');
  await dialog.getByLabel('Soundtrack: an MP3, M4A or WAV file').setInputFiles(song);
  await expect(dialog.getByLabel(/^Volume/)).toBeVisible();
  await expectNoAxeViolations(page, 'the montage dialog');
  await screenshotLooks(page, 'montage-dialog');
  await dialog.getByRole('button', { name: /^Make montage · 2 clips/ }).click();
  await expect(dialog).toHaveCount(0);

  const card = page.getByTestId('montage-card').first();
  await expect(card).toBeVisible();
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  const video = card.locator('video');
  // 3 + 3 s of clips and 3 s of end card, less two crossfades of 0.5 s.
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 20_000 })
    .toBeGreaterThan(7.9);
  expect(await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([720, 1280]);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0.5);
  await expectNoAxeViolations(page, 'the montage shelf');
  await screenshotLooks(page, 'montage-shelf', () => card.scrollIntoViewIfNeeded());

  const downloading = page.waitForEvent('download');
  await card.getByRole('link', { name: 'Download MP4' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^mon_[0-9a-z]{26}\.mp4$/);
  const file = path.join(filesDir, 'montage.mp4');
  await download.saveAs(file);
  const probe = await probeMedia(file);
  expect(probe).toMatchObject({ width: 720, height: 1280, videoCodec: 'h264', audioCodec: 'aac' });
  expect(probe.durationS).toBeGreaterThan(7.9);
  expect(probe.durationS).toBeLessThan(8.2);

  // Closed, the montages stay one click away beside the gallery's heading.
  const shelf = page.getByRole('dialog', { name: 'Montages' });
  await shelf.getByRole('button', { name: /close/i }).click();
  await expect(shelf).toHaveCount(0);
  const opener = page.getByRole('button', { name: /^Montages · \d+$/ });
  await expect(opener).toBeVisible();
  await screenshotLooks(page, 'montages-button', () => opener.scrollIntoViewIfNeeded());
  await opener.click();
  await expect(shelf.getByTestId('montage-card').first()).toHaveAttribute('data-status', 'succeeded');
});
