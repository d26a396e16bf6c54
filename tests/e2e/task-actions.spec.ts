/**
 * Issue 19 in real Chromium against real servers: cancel a video from its card and from the
 * inspector; hide a finished one with Undo; "Retry failed" on a batch (a double click makes
 * nothing twice); the photo's own name on the card and in the inspector; the support list by
 * batch. Screenshots light and dark at 1366 and 390 px.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { api, submitTask, uploadImage, waitForFinal, waitForStatus } from '../support/seed-tasks';
import { SCREENS_DIR } from './helpers/creator-page';
import { useOwnServer } from './helpers/own-server';

const photo = fs.readFileSync('public/sample-product.jpg');

const LOOKS = [
  { width: 1366, height: 900, scheme: 'light' },
  { width: 1366, height: 900, scheme: 'dark' },
  { width: 390, height: 844, scheme: 'light' },
  { width: 390, height: 844, scheme: 'dark' },
] as const;

/* The viewport in every look, with `focus` scrolled into view (below the sticky header). */
async function shootEveryLook(page: Page, name: string, focus: ReturnType<Page['locator']>) {
  for (const look of LOOKS) {
    await page.setViewportSize({ width: look.width, height: look.height });
    await page.emulateMedia({ colorScheme: look.scheme });
    await focus.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-${look.width}-${look.scheme}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

const cardOf = (page: Page, id: string) => page.locator(`[data-testid="task-card"][data-task-id="${id}"]`);
const tasksOf = (base: string, query: string) =>
  api<{ items: { task_id: string; status: string; retry_of: string | null }[] }>(base, `/api/v1/tasks?${query}`);

test.describe('cancel', () => {
  // Long renders: a task is surely still running when the test cancels it.
  const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '60000' });

  test('a running card cancels after one question, ends canceled and uncharged, and shows its photo name', async ({
    page,
  }) => {
    const image = await uploadImage(server.url, photo, 'Red shoe — side.jpg');
    const id = await submitTask(server.url, image, 'Cancel e2e: slow push in on the red shoe');
    await waitForStatus(server.url, id, 'running');
    await page.goto(server.url);
    const card = cardOf(page, id);
    await expect(card.getByTestId('task-photo-name')).toHaveText('Red shoe — side.jpg');
    await card.getByTestId('cancel-task').click();
    await expect(card.getByTestId('cancel-ask')).toContainText('Stop making this video? Nothing is charged.');
    await shootEveryLook(page, 'cancel-ask-card', card);

    await card.getByTestId('cancel-confirm').click();
    await expect(card).toHaveAttribute('data-status', 'canceled');
    await expect(page.getByRole('status').filter({ hasText: 'Canceled' }).first()).toBeVisible();
    const task = await api<{ status: string; charged_credits: number }>(server.url, `/api/v1/tasks/${id}`);
    expect(task).toMatchObject({ status: 'canceled', charged_credits: 0 });
    // No Cancel on a canceled card; Hide instead.
    await expect(card.getByTestId('cancel-task')).toHaveCount(0);
    await expect(card.getByTestId('hide-task')).toBeVisible();
  });

  test('the inspector cancels too, and names the photo', async ({ page }) => {
    const image = await uploadImage(server.url, photo, 'Blue bag.jpg');
    const id = await submitTask(server.url, image, 'Cancel e2e: the blue bag turns');
    await page.goto(`${server.url}/tasks/${id}`);
    await expect(page.getByTestId('inspector-photo-name')).toHaveText('Blue bag.jpg');
    await page.getByTestId('cancel-task').click();
    await shootEveryLook(page, 'cancel-ask-inspector', page.getByTestId('cancel-ask'));
    await page.getByTestId('cancel-confirm').click();
    await expect(page.getByRole('heading', { name: 'Task', exact: true, level: 1 }).locator('..')).toContainText(
      'Canceled',
    );
    await expect(page.getByTestId('cancel-task')).toHaveCount(0);
    const history = await api<{ events: { status: string; message: string | null }[] }>(
      server.url,
      `/api/v1/tasks/${id}/history`,
    );
    expect(history.events.at(-1)).toMatchObject({ status: 'canceled' });
    expect(history.events.at(-1)!.message).toContain('Canceled from the dashboard.');
  });
});

test.describe('hide and retry failed', () => {
  // Every video fails, fast: what "Retry failed" is for; failed cards are finished, so they can be hidden.
  const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '400', LOCAL_ENGINE_FAILURE_RATE: '1' });

  test('Retry failed makes each failed video again once, even on a double click', async ({ page }) => {
    const images = [
      await uploadImage(server.url, photo, 'Green hat.jpg'),
      await uploadImage(server.url, photo, 'Yellow scarf.jpg'),
    ];
    const created = await api<{ batch_id: string; task_ids: string[] }>(server.url, '/api/v1/batches', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ prompt: 'Retry e2e: the product turns', images }),
    });
    for (const id of created.task_ids) await waitForFinal(server.url, id);
    await page.goto(server.url);
    const header = page.locator(`[data-testid="batch-header"][data-batch-id="${created.batch_id}"]`);
    const retry = header.getByTestId('retry-failed');
    await expect(retry).toHaveText(/Retry failed \(2\)/);
    await shootEveryLook(page, 'retry-failed-batch', header);

    const answers: number[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('/retry-failed')) answers.push(r.status());
    });
    await retry.dblclick();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /Retrying 2 failed videos|Already retried/ })
        .first(),
    ).toBeVisible();
    const all = await tasksOf(server.url, `batch_id=${created.batch_id}`);
    expect(all.items).toHaveLength(4);
    expect(
      all.items
        .filter((t) => t.retry_of)
        .map((t) => t.retry_of)
        .sort(),
    ).toEqual([...created.task_ids].sort());
    expect(answers.filter((s) => s === 201)).toHaveLength(1);
    // The gallery shows the retries in place of what they retried, under the one header.
    await expect(page.locator(`[data-testid="batch-header"][data-batch-id="${created.batch_id}"]`)).toHaveCount(1);
    const retries = all.items.filter((t) => t.retry_of).map((t) => t.task_id);
    for (const id of retries) await expect(cardOf(page, id)).toBeVisible();
    for (const id of created.task_ids) await expect(cardOf(page, id)).toHaveCount(0);
    await expect(cardOf(page, retries[0]!).getByTestId('task-photo-name')).toHaveText(
      /Green hat\.jpg|Yellow scarf\.jpg/,
    );
    // Their retries fail too: the button comes back for them, and the batch still counts two videos.
    for (const id of retries) await waitForFinal(server.url, id);
    await expect(retry).toHaveText(/Retry failed \(2\)/);
  });

  test('Hide takes a finished card out of the gallery with Undo; after the undo window it stays hidden', async ({
    page,
  }) => {
    const image = await uploadImage(server.url, photo, 'Hide me.jpg');
    const first = await submitTask(server.url, image, 'Hide e2e: first');
    const second = await submitTask(server.url, image, 'Hide e2e: second');
    await waitForFinal(server.url, first);
    await waitForFinal(server.url, second);
    await page.goto(server.url);

    await cardOf(page, first).getByTestId('hide-task').click();
    await expect(cardOf(page, first)).toHaveCount(0);
    const toast = page.getByRole('status').filter({ hasText: 'Video hidden' });
    await expect(toast).toContainText('Its charge and file are kept.');
    await shootEveryLook(page, 'hide-undo-toast', toast);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(cardOf(page, first)).toBeVisible();

    await cardOf(page, second).getByTestId('hide-task').click();
    await expect(cardOf(page, second)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Video hidden' })).toHaveCount(0, { timeout: 15_000 });
    await page.reload();
    await expect(cardOf(page, first)).toBeVisible();
    await expect(cardOf(page, second)).toHaveCount(0);
    // Support still finds it, with its history.
    expect((await tasksOf(server.url, 'q=Hide%20e2e')).items.map((t) => t.task_id)).toContain(second);
    expect((await tasksOf(server.url, 'q=Hide%20e2e&hidden=0')).items.map((t) => t.task_id)).toEqual([first]);
  });

  test('the support list filters by batch, from the field and from a task’s Batch link', async ({ page }) => {
    const image = await uploadImage(server.url, photo, 'Batch filter.jpg');
    const created = await api<{ batch_id: string; task_ids: string[] }>(server.url, '/api/v1/batches', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        prompt: 'Batch filter e2e',
        images: [image],
        variants: [{ mode: 'standard' }, { mode: 'pro' }],
      }),
    });
    await submitTask(server.url, image, 'Not in the batch');
    await page.goto(`${server.url}/tasks/${created.task_ids[0]}`);
    await page.getByRole('link', { name: created.batch_id }).click();
    await expect(page).toHaveURL(new RegExp(`/tasks\\?batch=${created.batch_id}$`));
    await expect(page.getByTestId('list-batch')).toHaveValue(created.batch_id);
    const rows = page.getByTestId('task-row');
    await expect(rows).toHaveCount(2);
    await shootEveryLook(page, 'support-batch-filter', page.getByTestId('list-batch'));
    await page.getByTestId('list-batch').fill('');
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(rows).not.toHaveCount(2);
  });
});
