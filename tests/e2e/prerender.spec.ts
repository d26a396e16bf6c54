/**
 * The first HTML is the page (scripts/prerender.ts): with the app's scripts blocked or late, a
 * person already sees the real form and the gallery's frame, in their theme; when the scripts
 * arrive React takes that HTML over (hydrateRoot) without a mismatch and without moving it.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { BUDGETS } from '../../bench/budgets';
import { pickOptions } from './helpers/creator-page';

const APP_SCRIPTS = /\/assets\/.*\.js$/;

test.describe.configure({ timeout: 60_000 });

/** Everything React, the browser or our code reports while the page loads. */
function recordConsole(page: Page): string[] {
  const said: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') said.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (error) => said.push(`pageerror: ${error.message}`));
  return said;
}

/** Holds the app's scripts back until `release()` is called. */
function holdScripts(page: Page): Promise<{ release: () => void }> {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  return page
    .route(APP_SCRIPTS, async (route: Route) => {
      await released;
      await route.continue();
    })
    .then(() => ({ release: open }));
}

/* Sums the layout shifts the browser reports from the moment this is installed. */
const LAYOUT_SHIFTS = `
  window.__shift = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
    .observe({ type: 'layout-shift', buffered: true });
`;

async function expectTheRealForm(page: Page) {
  await expect(page.getByRole('heading', { name: 'Your videos' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /prompt/i })).toBeVisible();
  await expect(page.getByRole('button', { name: /generate/i })).toBeVisible();
  await expect(page.getByRole('button', { name: 'One video' })).toBeVisible();
}

test('with the scripts blocked, the first HTML already shows the form and the gallery frame, dark too', async ({
  page,
}) => {
  await page.route(APP_SCRIPTS, (route) => route.abort());
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  await expectTheRealForm(page);
  // public/theme-init.js is not the app's bundle: it still sets the theme before the first paint.
  await expect(page.locator('html')).toHaveClass(/dark/);
  // The local engine's banner is in the HTML, shown by CSS from <html data-engine>.
  await expect(page.getByTestId('engine-banner')).toBeVisible();
  // Seen but not yet usable: what is typed before the app runs would be lost when it takes over.
  expect(await page.getByRole('textbox', { name: /prompt/i }).evaluate((e) => e.closest('[inert]') !== null)).toBe(
    true,
  );
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`late scripts take over the prerendered page with no mismatch and no shift (${colorScheme})`, async ({
    page,
  }) => {
    const said = recordConsole(page);
    const scripts = await holdScripts(page);
    await page.emulateMedia({ colorScheme });
    await page.addInitScript(LAYOUT_SHIFTS);
    // Module scripts hold DOMContentLoaded back, so only the response is awaited.
    await page.goto('/', { waitUntil: 'commit' });
    await expectTheRealForm(page);
    // Before the scripts: the toggle is the prerendered one, which names no choice yet.
    await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName('Theme');
    const before = await page.getByRole('textbox', { name: /prompt/i }).boundingBox();
    const prompt = page.getByRole('textbox', { name: /prompt/i });

    const formCode = page.waitForResponse(/\/assets\/generate-form-[^/]*\.js$/);
    scripts.release();
    // The app runs: the toggle now knows the choice.
    await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName('Theme: system. Switch to light');
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('textbox', { name: /prompt/i }).boundingBox()).toEqual(before);
    // And the form's own code (its own chunk) has taken its part over: it is live, and the
    // counter follows what is typed.
    await formCode;
    await expect.poll(() => prompt.evaluate((e) => e.closest('[inert]') === null)).toBe(true);
    await prompt.fill('abc');
    await expect(page.getByText(/^3 \/ [\d,]+$/)).toBeVisible();
    await expect(page.locator('html')).toHaveClass(colorScheme === 'dark' ? /dark/ : /^(?!.*\bdark\b)/);
    expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThanOrEqual(
      BUDGETS.cls,
    );
    expect(said.filter((line) => /hydrat|did not match|mismatch/i.test(line))).toEqual([]);
    expect(said).toEqual([]);
  });
}

test('a draft kept from an earlier visit comes back over the prerendered form, with no mismatch', async ({ page }) => {
  const said = recordConsole(page);
  await page.goto('/');
  const prompt = page.getByRole('textbox', { name: /prompt/i });
  await expect.poll(() => prompt.evaluate((e) => e.closest('[inert]') === null)).toBe(true);
  const words = `Kept across the prerender ${Date.now()}`;
  await prompt.fill(words);
  await pickOptions(page, { mode: 'Pro', duration: '6 s', resolution: '768P' });
  // The draft is written as the person types; the reload gets the empty prerendered form first.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => /draft/.test(k)))).toBe(true);
  await page.reload();
  await expect(prompt).toHaveValue(words);
  await expect(page.getByRole('group', { name: 'Mode' }).getByRole('radio', { name: /^Pro/ })).toBeChecked();
  // Typing after the restore stays in the same form (it is not mounted again as the draft changes).
  await prompt.pressSequentially(' more');
  await expect(prompt).toHaveValue(`${words} more`);
  await expect(prompt).toBeFocused();
  expect(said.filter((line) => /hydrat|did not match|mismatch/i.test(line))).toEqual([]);
});

test('only the creator page is prerendered: a deep link gets the empty shell and draws its own page', async ({
  page,
  request,
}) => {
  const creator = await (await request.get('/')).text();
  expect(creator).toContain('Your videos');
  const deep = await (await request.get('/tasks')).text();
  expect(deep).not.toContain('Your videos');
  expect(deep).toContain('<div id="root"></div>');

  const said = recordConsole(page);
  await page.goto('/tasks');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The batch form chosen in the address: drawn afresh, not hydrated over the one-video form.
  await page.goto('/?form=batch');
  await expect(page.getByRole('button', { name: 'Batch', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(said).toEqual([]);
});
