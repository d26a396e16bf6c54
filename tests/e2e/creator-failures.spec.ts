/**
 * A generation that fails: the card says why and that nothing was charged, the balance does
 * not move, and the gallery's filters and search find it. Failures come from the real local
 * engine with LOCAL_ENGINE_FAILURE_RATE=1, on a server of this spec's own.
 */
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerProcess } from '../support/server-process';
import { chooseImageFile, screenshot } from './helpers/creator-page';
import { writeSceneImage } from './helpers/test-images';

let server: ServerProcess;
let image = '';

test.beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creator-failures-e2e-'));
  server = await startServer({ DATA_DIR: dataDir, LOCAL_ENGINE_FAILURE_RATE: '1', LOCAL_ENGINE_DELAY_MS: '600' });
  image = await writeSceneImage(dataDir, 'scene.jpg', { width: 1024, height: 768, format: 'jpeg' });
});

async function submitThroughApi(imageUrl: string, prompt: string): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/videos/generations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'hailuo-2-3', prompt, image: imageUrl, duration: '6', resolution: '768P' }),
  });
  expect(response.ok).toBe(true);
}

test.afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

test('a failed video shows the reason, costs nothing, and the filters find it', async ({ page }) => {
  const prompt = `A failing pan across the valley ${Date.now()}`;
  await page.goto(server.url);
  const balance = page.getByTestId('balance');
  await expect(balance).toContainText('credits');
  const balanceBefore = await balance.textContent();

  await chooseImageFile(page, image);
  await expect(page.getByTestId('image-details')).toContainText('1024×768');
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: /Generate video/ }).click();

  const card = page.getByTestId('task-card').filter({ hasText: prompt });
  await expect(card).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(card.getByTestId('task-error')).toContainText('Nothing was charged');
  await expect(card.getByTestId('task-error')).not.toHaveText(/^Nothing was charged/);
  // Said once on the card, and in a creator's words: no setting of the server's is named.
  expect((await card.textContent())?.match(/charged/gi)).toHaveLength(1);
  await expect(card).not.toContainText('LOCAL_ENGINE');
  await expect(card.getByRole('button', { name: 'Reuse settings' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'A video could not be made' })).toBeVisible();
  await expect(balance).toHaveText(balanceBefore ?? '');
  await screenshot(page, 'failed-card');

  await page.getByRole('button', { name: /^Ready/ }).click();
  await expect(page.getByTestId('gallery-no-match')).toBeVisible();
  await expect(page).toHaveURL(/status=succeeded/);
  await page.getByRole('button', { name: /^Failed/ }).click();
  await expect(card).toBeVisible();

  const modeFilter = page.getByRole('combobox', { name: 'Mode' });
  await modeFilter.selectOption({ label: 'Pro' });
  await expect(page).toHaveURL(/mode=pro/);
  await expect(page.getByTestId('gallery-no-match')).toBeVisible();
  await modeFilter.selectOption({ label: 'Standard' });
  await expect(card).toBeVisible();
  await modeFilter.selectOption({ label: 'All modes' });
  await expect(page).not.toHaveURL(/mode=/);

  const search = page.getByRole('searchbox', { name: 'Search prompts' });
  await search.fill('no prompt says this');
  await expect(page.getByTestId('gallery-no-match')).toBeVisible();
  // A pause after a space sends the search (trimmed into the address) and keeps the space typed.
  await search.fill('no prompt ');
  await expect(page).toHaveURL(/q=no\+prompt(&|$)/);
  await search.press('End');
  await search.pressSequentially('says');
  await expect(search).toHaveValue('no prompt says');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(card).toBeVisible();
  await expect(search).toHaveValue('');
});

test('the gallery loads older videos as you scroll', async ({ page }) => {
  const form = new FormData();
  form.set('file', new Blob([fs.readFileSync(image)], { type: 'image/jpeg' }), 'scene.jpg');
  const upload = (await (await fetch(`${server.url}/api/v1/uploads`, { method: 'POST', body: form })).json()) as {
    url: string;
  };
  // Failing tasks end without an encode, so thirty of them are cheap; one page holds 24.
  for (let i = 0; i < 30; i++) await submitThroughApi(upload.url, `Paging check number ${String(i).padStart(2, '0')}`);

  await page.goto(`${server.url}/?q=Paging%20check`);
  const cards = page.getByTestId('task-card');
  await expect(cards.first()).toContainText('Paging check number 29'); // newest first
  await expect(cards).toHaveCount(24);
  await cards.last().scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 4000);
  await expect(cards).toHaveCount(30);
  await expect(cards.last()).toContainText('Paging check number 00');
});
