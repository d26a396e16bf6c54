/**
 * Support finds a task from part of its id: the lookup box tries the exact id (ours or the
 * upstream's) and, failing that, searches as the task list does. One match opens the task,
 * several are listed, none says so. The task list shows each failed task's error in a column
 * (on a phone, on its card).
 */
import { expect, test, type Page } from '@playwright/test';
import type { Task } from '@/shared/contract';
import { screenshot } from './helpers/creator-page';
import { submitFailingTask, submitTask, uploadSample, waitForFinal } from '../support/seed-tasks';

const MARK = `Lookupmark${Date.now()}`;
let failed: Task;
let finished: Task;

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  failed = await submitFailingTask(base, `${MARK} the link went away`);
  finished = await waitForFinal(base, await submitTask(base, await uploadSample(base), `${MARK} a slow push in`));
});

async function lookUp(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: /Find a task/ });
  await box.fill(text);
  await box.press('Enter');
}

test('part of an id opens its task; text several tasks share lists them; nothing found says so', async ({ page }) => {
  await page.goto('/');
  const part = failed.task_id.slice(5, 17);
  await lookUp(page, part);
  await expect(page).toHaveURL(`/tasks/${failed.task_id}`);
  await expect(page.getByTestId('inspector-task-id')).toHaveText(failed.task_id);
  await expect(page.getByTestId('found-by-upstream')).toHaveText(
    `Found by searching for ${part}; this page now uses our id.`,
  );

  await lookUp(page, MARK);
  const matches = page.getByTestId('lookup-matches');
  await expect(matches.getByTestId('task-link')).toHaveCount(2);
  await expect(matches).toContainText(`2 tasks have ${MARK} in an id or their prompt`);
  await matches.getByRole('link', { name: finished.task_id }).click();
  await expect(page.getByTestId('inspector-task-id')).toHaveText(finished.task_id);

  await lookUp(page, `nothing-like-this-${Date.now()}`);
  await expect(page.getByTestId('task-not-found')).toContainText('No task with this id');
});

test('the task list shows why a task failed, in a column on a desktop and on the card on a phone', async ({ page }) => {
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`/tasks?q=${MARK}`);
    const list = width > 700 ? page.getByTestId('task-table') : page.getByTestId('task-cards');
    await expect(list).toBeVisible();
    if (width > 700) await expect(list.getByRole('columnheader', { name: 'Error' })).toBeVisible();
    const errors = list.getByTestId('task-row-error');
    await expect(errors.filter({ hasText: failed.error!.code })).toHaveCount(1);
    await expect(errors.filter({ hasText: failed.error!.code })).toContainText(failed.error!.message.slice(0, 20));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await screenshot(page, `support-list-errors-${width}-${colorScheme}`, { fullPage: false });
    }
  }
});
