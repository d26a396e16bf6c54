/** The creator's page in the words a person uses: what to click and what to read. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import path from 'node:path';

export const SCREENS_DIR = path.join('test-results', 'screens');

/**
 * The whole page from the top (a full-page shot taken mid-scroll paints the sticky header
 * in the middle), or just the viewport for a modal dialog.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage });
}

export async function chooseImageFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  const form = page.getByRole('form', { name: 'New video' });
  const button = form.getByRole('button', { name: /Choose a file|Replace/ });
  await button.first().click();
  await (await chooser).setFiles(file);
}

export async function pickOptions(
  page: Page,
  options: { mode: 'Standard' | 'Pro'; duration: '6 s' | '10 s'; resolution: '768P' | '1080P' },
) {
  // The radios are drawn as cards; clicking the visible card is what a person does.
  for (const [group, value] of [
    ['Mode', options.mode],
    ['Duration', options.duration],
    ['Resolution', options.resolution],
  ] as const) {
    const radio = page.getByRole('group', { name: group }).getByRole('radio', { name: new RegExp(`^${value}`) });
    await radio.locator('..').click();
    await expect(radio).toBeChecked();
  }
}

/** Tasks (whose prompt contains `text`, when given), counted by the server. */
export async function countTasks(request: APIRequestContext, text?: string): Promise<number> {
  const search = text ? `q=${encodeURIComponent(text)}&` : '';
  const response = await request.get(`/api/v1/tasks?${search}limit=100`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: unknown[] };
  return body.items.length;
}

export function cardFor(page: Page, prompt: string) {
  return page.getByTestId('task-card').filter({ hasText: prompt });
}
