/**
 * A first run on a server of its own, so no other spec's tasks hide the first-run offer: the
 * sample image fills the form in one click and makes a real video.
 */
import { expect, test } from '@playwright/test';
import { screenshot } from './helpers/creator-page';
import { useOwnServer } from './helpers/own-server';

const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '500' });

test('a first run offers the sample image, which fills the form in one click and makes a video', async ({ page }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('engine-banner')).toContainText('Local preview engine — simulated, no credits spent');
  await page.getByRole('button', { name: 'Try it with a sample product photo' }).click();

  await expect(page.getByTestId('image-details')).toContainText('1280×960');
  await expect(page.getByRole('textbox', { name: 'Prompt' })).not.toBeEmpty();
  await screenshot(page, 'first-run-sample');

  await page.getByRole('button', { name: /Generate video/ }).click();
  const card = page.getByTestId('task-card').first();
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Try it with a sample product photo' })).toHaveCount(0);
});
