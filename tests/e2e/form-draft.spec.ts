/**
 * The one-video form keeps its draft across a reload: the image (shown as it was, name and
 * size), the prompt and the options. Once the video is started the draft is gone, so the next
 * visit opens an empty form.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chooseImageFile, pickOptions } from './helpers/creator-page';
import { writeSceneImage } from './helpers/test-images';

const filesDir = path.join(os.tmpdir(), `form-draft-e2e-${process.pid}`);
let photo = '';

test.beforeAll(async () => {
  photo = await writeSceneImage(filesDir, 'teapot.jpg', { width: 1024, height: 768, format: 'jpeg' });
});

test.afterAll(async () => {
  await fs.rm(filesDir, { recursive: true, force: true });
});

test('a reload keeps the image, the prompt and the options; a started video clears them', async ({ page }) => {
  const prompt = `Draft kept: slow orbit around the teapot ${Date.now()}`;
  await page.goto('/');
  const form = page.getByRole('form', { name: 'New video' });
  await chooseImageFile(page, photo);
  await expect(page.getByTestId('image-details')).toContainText('1024×768');
  await form.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await pickOptions(page, { mode: 'Pro', duration: '10 s', resolution: '768P' });

  await page.reload();
  await expect(form.getByRole('textbox', { name: 'Prompt' })).toHaveValue(prompt);
  await expect(page.getByTestId('image-details')).toContainText('1024×768');
  await expect(form.getByText('teapot.jpg')).toBeVisible();
  await expect(form.locator('img[alt^="Reference image"]')).toHaveJSProperty('complete', true);
  expect(await form.locator('img[alt^="Reference image"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(
    1024,
  );
  await expect(page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name: /^Pro/ })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Duration' }).getByRole('radio', { name: /^10 s/ })).toBeChecked();
  await expect(page.getByTestId('price')).toContainText('85 credits');

  // The kept draft is a real one: it generates.
  await form.getByRole('button', { name: /Generate video/ }).click();
  await expect(page.getByTestId('task-card').filter({ hasText: prompt })).toBeVisible();
  await page.reload();
  await expect(form.getByRole('textbox', { name: 'Prompt' })).toHaveValue('');
  await expect(page.getByTestId('image-details')).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name: /^Standard/ })).toBeChecked();
});
