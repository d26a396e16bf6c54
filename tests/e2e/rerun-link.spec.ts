/**
 * The inspector's "Reuse settings" goes to `/?rerun=<taskId>`: the creator page loads that task, fills
 * the form with its inputs the way a gallery card's does, and drops the parameter.
 */
import { expect, test } from '@playwright/test';
import { submitTask, uploadSample } from '../support/seed-tasks';

const PROMPT = `Re-run link e2e: a slow crane shot rising over the bottle ${Date.now()}`;

test('Reuse settings in the inspector fills the creator form with that task and cleans the address', async ({
  page,
  baseURL,
}) => {
  const base = baseURL ?? '';
  const image = await uploadSample(base);
  const taskId = await submitTask(base, image, PROMPT, {
    model: 'hailuo/2-3-image-to-video-pro',
    duration: '10',
    resolution: '768P',
  });

  await page.goto(`/tasks/${taskId}`);
  await page.getByRole('link', { name: 'Reuse settings' }).click();

  const form = page.getByRole('form', { name: 'New video' });
  await expect(form.getByRole('textbox', { name: 'Prompt' })).toHaveValue(PROMPT);
  await expect(form.getByRole('group', { name: 'Mode' }).getByRole('radio', { name: /^Pro/ })).toBeChecked();
  await expect(form.getByRole('group', { name: 'Duration' }).getByRole('radio', { name: /^10 s/ })).toBeChecked();
  await expect(form.getByTestId('image-details')).toContainText('from an earlier video');
  await expect(form.getByTestId('price')).toContainText('85 credits');
  await expect(page).toHaveURL(`${base}/`);
  await expect(form.getByRole('textbox', { name: 'Prompt' })).toBeFocused();

  // The parameter is gone, so a reload does not fill the form again over later edits: it keeps
  // the draft as edited (the form keeps its draft across a reload).
  const edited = `${PROMPT}, then a slow pan left`;
  await form.getByRole('textbox', { name: 'Prompt' }).fill(edited);
  await page.reload();
  await expect(form.getByRole('textbox', { name: 'Prompt' })).toHaveValue(edited);
  await expect(page).toHaveURL(`${base}/`);
});

test('a re-run link to an unknown task says so and leaves the form empty', async ({ page, baseURL }) => {
  await page.goto('/?rerun=tsk_no_such_task&status=all');
  await expect(page.getByRole('alert').filter({ hasText: 'That video could not be re-run' })).toBeVisible();
  await expect(page).toHaveURL(`${baseURL}/?status=all`);
  await expect(page.getByRole('textbox', { name: 'Prompt' })).toHaveValue('');
});
