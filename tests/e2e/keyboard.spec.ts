/**
 * Without a mouse, in real Chromium against the real server: from the first run to a ready
 * video, its player and its inspector using only Tab, Shift+Tab, Enter, Space, Escape, the
 * arrow keys and the shortcuts the page shows. Then what a screen reader hears while a video
 * is made: each change once, never a progress tick.
 */
import { expect, test, type Page } from '@playwright/test';
import { announcements, expectFocusVisible, recordAnnouncements, tabTo } from './helpers/a11y';
import { useOwnServer } from './helpers/own-server';

const JOURNEY_PROMPT = 'Keyboard e2e: a slow push-in on the bottle as the light warms';
const HEARD_PROMPT = 'Keyboard e2e: the camera circles the bottle once';

test.describe.configure({ mode: 'serial' });

// Long enough that a new video is seen waiting, then running, then ready.
const server = useOwnServer({ LOCAL_ENGINE_DELAY_MS: '14000' });

function radio(page: Page, group: string, name: RegExp) {
  return page.getByRole('group', { name: group }).getByRole('radio', { name });
}

test('first run to a ready video, its player and its inspector, by keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(server.url);
  await expect(page.getByTestId('gallery-empty')).toBeVisible();

  // The shortcuts are written where they apply.
  await expect(page.getByRole('form', { name: 'New video' })).toContainText('Ctrl + Enter also generates.');
  await expect(page.getByTestId('image-drop-zone')).toContainText('paste it Ctrl V');
  await expect(page.getByRole('searchbox', { name: /Find a task/ })).toHaveAttribute('aria-keyshortcuts', '/');

  const sample = page.getByRole('button', { name: 'Try it with a sample product photo' });
  await tabTo(page, sample);
  await page.keyboard.press('Space');
  const prompt = page.getByRole('textbox', { name: 'Prompt' });
  await expect(prompt).toBeFocused(); // the next thing to do is to write
  await expect(page.getByTestId('image-details')).toContainText('1280×960');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(JOURNEY_PROMPT);

  await tabTo(page, radio(page, 'Mode', /^Standard/));
  await page.keyboard.press('ArrowRight');
  await expect(radio(page, 'Mode', /^Pro/)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(radio(page, 'Duration', /^6 s/)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(radio(page, 'Duration', /^10 s/)).toBeChecked();
  await expectFocusVisible(page);
  await expect(radio(page, 'Resolution', /^1080P/)).toBeDisabled();
  await expect(page.getByTestId('price')).toContainText('85 credits');

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Your video is on its way' })).toBeVisible();
  const card = page.getByTestId('task-card').filter({ hasText: JOURNEY_PROMPT });
  await expect(card).toContainText('Pro · 10 s · 768P');
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });

  const watch = card.getByRole('button', { name: 'Watch' });
  await tabTo(page, watch);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Watch the video' });
  await expect(dialog.getByTestId('player-video')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(watch).toBeFocused();

  // The card's picture (its play button) sits before Watch: back there, and the same again.
  const expand = card.getByRole('button', { name: 'Play the video' });
  await tabTo(page, expand, { back: true });
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(expand).toBeFocused();

  const taskId = (await card.getAttribute('data-task-id')) ?? '';
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: /Find a task/ })).toBeFocused();
  await page.keyboard.type(taskId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${server.url}/tasks/${taskId}`);
  await expect(page.getByTestId('inspector-task-id')).toHaveText(taskId);
  await expect(page.getByTestId('task-prompt')).toHaveText(JOURNEY_PROMPT);
});

test('a screen reader hears a video start and end once each, never its progress', async ({ page }) => {
  test.setTimeout(120_000);
  await recordAnnouncements(page);
  await page.goto(server.url);
  await page.getByTestId('task-card').first().getByRole('button', { name: 'Reuse settings' }).click();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(HEARD_PROMPT);
  await page.getByRole('button', { name: /Generate video/ }).click();

  const card = page.getByTestId('task-card').filter({ hasText: HEARD_PROMPT });
  // Read the card as it is, without waiting: the progress line leaves the card when the video is ready.
  const readCard = () =>
    page.evaluate((prompt) => {
      const found = [...document.querySelectorAll('[data-testid="task-card"]')].find((el) =>
        el.textContent?.includes(prompt),
      );
      return {
        status: found?.getAttribute('data-status') ?? null,
        progress: found?.querySelector('[data-testid="task-progress"]')?.textContent ?? '',
      };
    }, HEARD_PROMPT);
  const progressShown = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const seen = await readCard();
    if (seen.status === 'succeeded') break;
    progressShown.add(seen.progress);
    await page.waitForTimeout(200);
  }
  await expect(card).toHaveAttribute('data-status', 'succeeded');
  expect(progressShown.size, 'the card showed progress moving').toBeGreaterThan(3);

  const heard = await announcements(page);
  const once = (text: string) => heard.filter((said) => said.includes(text)).length;
  expect(once('Your video is on its way'), heard.join('\n')).toBe(1);
  expect(once(`Now making your video: ${HEARD_PROMPT}`), heard.join('\n')).toBe(1);
  expect(once('Your video is ready'), heard.join('\n')).toBe(1);
  expect(
    heard.filter((said) => /\d+%|left/.test(said)),
    'no progress tick is read out',
  ).toEqual([]);
});
