/**
 * Dark mode follows the system until the person picks one with the toggle; the pick survives a
 * reload and is applied before the first paint (no white flash). The page uses a large
 * desktop's width and stays readable at 360 px.
 */
import { expect, test, type Page } from '@playwright/test';
import { screenshot } from './helpers/creator-page';
import { submitTask, uploadSample, waitForStatus } from '../support/seed-tasks';

/** Records whether <html> was dark when <body> first appeared, i.e. before anything was painted. */
async function recordFirstPaintTheme(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { __darkAtFirstPaint: boolean }).__darkAtFirstPaint =
        document.documentElement.classList.contains('dark');
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/* Elements with a CSS transition still running, by tag and class. */
const colourTransitionsRunning = (page: Page) =>
  page.evaluate(() =>
    document
      .getAnimations()
      .filter((animation) => animation instanceof CSSTransition)
      .map((transition) => {
        const target = (transition.effect as KeyframeEffect | null)?.target;
        return `${target?.tagName ?? '?'}.${target?.className ?? ''}`;
      }),
  );

const darkAtFirstPaint = (page: Page) =>
  page.evaluate(() => (window as unknown as { __darkAtFirstPaint?: boolean }).__darkAtFirstPaint);

test('the theme follows the system, a chosen one persists, and neither flashes', async ({ page }) => {
  await recordFirstPaintTheme(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  expect(await darkAtFirstPaint(page)).toBe(true);
  const toggle = page.getByTestId('theme-toggle');
  await expect(toggle).toHaveAccessibleName('Theme: system. Switch to light');

  // The system changes while the page is open: "system" follows it at once.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).not.toHaveClass(/dark/);

  await toggle.click(); // system → light
  await toggle.click(); // light → dark, against a light system
  await expect(toggle).toHaveAccessibleName('Theme: dark. Switch to system');
  await expect(page.locator('html')).toHaveClass(/dark/);
  // The palette changed in one step: no element is still fading from the light colours.
  expect(await colourTransitionsRunning(page)).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('hailuo-theme'))).toBe('dark');

  await page.reload();
  expect(await darkAtFirstPaint(page)).toBe(true);
  await expect(toggle).toHaveAccessibleName('Theme: dark. Switch to system');

  await toggle.click(); // dark → system: light again, and nothing stored
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  expect(await page.evaluate(() => localStorage.getItem('hailuo-theme'))).toBeNull();
  await page.reload();
  expect(await darkAtFirstPaint(page)).toBe(false);
});

test('a large desktop gets a wide page and more gallery columns; 360 px gets one', async ({ page, baseURL }) => {
  const base = baseURL ?? '';
  const image = await uploadSample(base);
  const ids = await Promise.all(
    [1, 2, 3, 4].map((n) => submitTask(base, image, `Layout e2e: wide screens, video number ${n}`)),
  );
  for (const id of ids) await waitForStatus(base, id, 'succeeded');

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?q=Layout%20e2e');
  const cards = page.getByTestId('task-card');
  await expect(cards).toHaveCount(4);
  const main = await page.locator('main').boundingBox();
  expect(main?.width ?? 0, 'the page is not a narrow strip in the middle').toBeGreaterThanOrEqual(1600);
  const tops = await cards.evaluateAll((elements) => elements.map((e) => Math.round(e.getBoundingClientRect().top)));
  expect(tops.filter((top) => top === tops[0]).length, 'cards per row at 1920 px').toBeGreaterThanOrEqual(3);
  await screenshot(page, 'desktop-1920', { fullPage: false });

  await page.setViewportSize({ width: 360, height: 780 });
  await expect(async () => {
    const columns = await cards.evaluateAll((elements) =>
      elements.map((e) => Math.round(e.getBoundingClientRect().left)),
    );
    expect(new Set(columns).size).toBe(1);
  }).toPass();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(page, 'phone-360');
});
