/**
 * The camera helpers under the prompt: all 15 of MiniMax's commands, each with what it does;
 * "Together" joins moves into the bracket before the cursor (up to three act at once), "Next
 * step" adds a bracket of its own (they play in sequence); and a bracket that is not a command
 * gets a quiet word under the prompt.
 */
import { expect, test, type Page } from '@playwright/test';
import { CAMERA_COMMANDS } from '@/shared/camera-commands';
import { expectAccessibleInEveryLook } from './helpers/a11y';
import { SCREENS_DIR } from './helpers/creator-page';

const creator = (page: Page) => page.getByRole('form', { name: 'New video' });
const cameraMoves = (page: Page) => creator(page).getByRole('group', { name: 'Camera moves' });
/* The choice is drawn as a segmented switch: a person clicks its visible label. */
async function addMovesAs(page: Page, name: 'Together' | 'Next step') {
  const radio = cameraMoves(page).getByRole('radio', { name });
  await radio.locator('..').click();
  await expect(radio).toBeChecked();
}

const caret = (page: Page) =>
  creator(page)
    .getByRole('textbox', { name: 'Prompt' })
    .evaluate((box: HTMLTextAreaElement) => [box.selectionStart, box.selectionEnd]);

async function openHelpers(page: Page) {
  await page.goto('/');
  await creator(page).getByRole('button', { name: 'Camera moves & product presets' }).click();
  await expect(cameraMoves(page)).toBeVisible();
}

test('all 15 commands are offered, each described for screen readers and listed for touch', async ({ page }) => {
  await openHelpers(page);
  for (const command of CAMERA_COMMANDS) {
    const button = cameraMoves(page).getByRole('button', { name: command.name, exact: true });
    await expect(button).toBeVisible();
    await expect(button).toHaveAccessibleDescription(command.hint);
  }
  await expect(cameraMoves(page).getByRole('button', { name: 'Orbit' })).toBeVisible();

  await cameraMoves(page).getByText('What each move does').click();
  const glossary = cameraMoves(page).locator('dl');
  await expect(glossary.locator('dt')).toHaveCount(15);
  await expect(glossary).toContainText('Pan left: the camera turns left; the scene slides right');
});

test('a combined bracket and a sequence go in at the cursor', async ({ page }) => {
  await openHelpers(page);
  const prompt = creator(page).getByRole('textbox', { name: 'Prompt' });
  const status = cameraMoves(page).getByRole('status');
  await prompt.fill('A red shoe on a table');
  await prompt.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(10, 10));

  await cameraMoves(page).getByRole('button', { name: 'Pan left' }).click();
  await expect(prompt).toHaveValue('A red shoe [Pan left] on a table');
  await expect(status).toHaveText('Added [Pan left]: the camera turns left; the scene slides right.');

  // Together: the next moves join that bracket, and the cursor stays right after it.
  await addMovesAs(page, 'Together');
  await cameraMoves(page).getByRole('button', { name: 'Push in' }).click();
  await expect(prompt).toHaveValue('A red shoe [Pan left, Push in] on a table');
  await expect(status).toContainText('Now [Pan left, Push in]: these moves act together.');
  await expect(prompt).toBeFocused();
  const afterJoined = 'A red shoe [Pan left, Push in]'.length;
  expect(await caret(page)).toEqual([afterJoined, afterJoined]);
  await cameraMoves(page).getByRole('button', { name: 'Tilt up' }).click();
  await expect(prompt).toHaveValue('A red shoe [Pan left, Push in, Tilt up] on a table');

  // A fourth cannot join: it starts the next step instead, and says why.
  await cameraMoves(page).getByRole('button', { name: 'Shake' }).click();
  await expect(prompt).toHaveValue('A red shoe [Pan left, Push in, Tilt up] [Shake] on a table');
  await expect(status).toHaveText('Added [Shake] as a new step: a bracket holds 3 moves at most.');

  // Next step: a bracket of its own, played after the one before.
  await addMovesAs(page, 'Next step');
  await cameraMoves(page).getByRole('button', { name: 'Static shot' }).click();
  await expect(prompt).toHaveValue('A red shoe [Pan left, Push in, Tilt up] [Shake] [Static shot] on a table');
  const afterSequence = 'A red shoe [Pan left, Push in, Tilt up] [Shake] [Static shot]'.length;
  expect(await caret(page)).toEqual([afterSequence, afterSequence]);
  await expect(creator(page).getByTestId('camera-notes')).toBeEmpty();
});

test('a bracket that is not a command is named under the prompt', async ({ page }) => {
  await page.goto('/');
  const prompt = creator(page).getByRole('textbox', { name: 'Prompt' });
  await prompt.fill('[Orbit left] a red shoe [pan left, slowly]');
  await expect(creator(page).getByTestId('camera-notes')).toHaveText(
    '[Orbit left] and “slowly” in [pan left, slowly] are not camera commands, so the model reads them as words.',
  );
  await prompt.fill('[Pan left] a red shoe');
  await expect(creator(page).getByTestId('camera-notes')).toBeEmpty();
});

test('the open helpers pass axe in every look, and look right light and dark at 1366 and 390 px', async ({ page }) => {
  test.setTimeout(240_000);
  await expectAccessibleInEveryLook(page, 'camera helpers open', async () => {
    await openHelpers(page);
    await addMovesAs(page, 'Together');
    await cameraMoves(page).getByText('What each move does').click();
  });
  for (const width of [1366, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await openHelpers(page);
      const prompt = creator(page).getByRole('textbox', { name: 'Prompt' });
      await prompt.fill('A red shoe [Pan left] on a table [Orbit]');
      await prompt.evaluate((box: HTMLTextAreaElement) => box.setSelectionRange(21, 21));
      await addMovesAs(page, 'Together');
      await cameraMoves(page).getByRole('button', { name: 'Push in' }).click();
      await expect(prompt).toHaveValue('A red shoe [Pan left, Push in] on a table [Orbit]');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The form from the top of the page, so the sticky header stays where it belongs.
      await page.evaluate(() => window.scrollTo(0, 0));
      const clip = (await creator(page).boundingBox())!;
      await page.screenshot({
        path: `${SCREENS_DIR}/camera-helpers-${width}-${colorScheme}.png`,
        fullPage: true,
        clip,
      });
      await cameraMoves(page).getByText('What each move does').click();
      await expect(cameraMoves(page).locator('dl')).toBeVisible();
      await cameraMoves(page).screenshot({ path: `${SCREENS_DIR}/camera-glossary-${width}-${colorScheme}.png` });
    }
  }
});
