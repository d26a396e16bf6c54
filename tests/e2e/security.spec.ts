/**
 * The built dashboard in real Chromium under its strict Content-Security-Policy: every page and
 * the whole generate-and-play journey run with no violation (while an injected inline script is
 * blocked, proving the policy is enforced); and, when access is required, the sign-in page
 * gates the dashboard with an HttpOnly, SameSite=Strict session.
 */
import { expect, test, type Page } from '@playwright/test';
import { freePort, startServer, type ServerProcess } from '../support/server-process';
import { applyLook, expectNoAxeViolations, LOOKS } from './helpers/a11y';
import { cardFor, chooseImageFile, screenshot } from './helpers/creator-page';
import { recordCspViolations } from './helpers/csp-recorder';

const SAMPLE = 'public/sample-product.jpg';
const PASSWORD = 'a long dashboard password';
let server: ServerProcess | null = null;

test.afterEach(async () => {
  await server?.stop();
  server = null;
});

async function expectSeenUpload(page: Page) {
  await chooseImageFile(page, SAMPLE);
  await expect(page.getByTestId('image-details')).toContainText('1280×960');
}

test('every page and the generate-and-play journey run under the CSP without a violation', async ({ page }) => {
  server = await startServer({ LOCAL_ENGINE_DELAY_MS: '1500' });
  const csp = await recordCspViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });

  const response = await page.goto(server.url);
  const policy = response!.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  // theme-init.js is an external script: it ran, so the page was dark before React drew it.
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);

  await expectSeenUpload(page);
  const prompt = `CSP check ${Date.now()}`;
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: /Generate video/ }).click();
  const card = cardFor(page, prompt);
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await card.getByRole('button', { name: 'Watch' }).click();
  const video = page.getByRole('dialog', { name: 'Watch the video' }).getByTestId('player-video');
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 })
    .toBeGreaterThan(1);
  await page.keyboard.press('Escape');

  const taskId = await card.getAttribute('data-task-id');
  await page.goto(`${server.url}/tasks`);
  await expect(page.getByTestId('task-link').first()).toBeVisible();
  await page.goto(`${server.url}/tasks/${taskId}`);
  await expect(page.getByTestId('inspector-task-id')).toHaveText(taskId!);
  await page.goto(`${server.url}/sign-in`);
  await expect(page.getByTestId('sign-in-state')).toContainText('no sign-in is needed');

  expect(await csp.violations()).toEqual([]);

  // The policy is enforced, not just sent: an inline script is refused and reported.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.body.append(script);
    return (window as unknown as { inlineRan?: boolean }).inlineRan ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await csp.violations()).join(' ')).toMatch(/script-src/);
});

test('with access required, the dashboard is behind a sign-in with an HttpOnly, SameSite=Strict session', async ({
  page,
  context,
}) => {
  const port = await freePort();
  server = await startServer({ PORT: String(port), AUTH: 'required', DASHBOARD_PASSWORD: PASSWORD });
  const csp = await recordCspViolations(page);

  await page.goto(`${server.url}/tasks?status=failed`);
  await expect(page).toHaveURL(`${server.url}/sign-in?next=${encodeURIComponent('/tasks?status=failed')}`);
  await expect(page.getByRole('heading', { name: 'Sign in to Hailuo Studio' })).toBeVisible();
  for (const look of LOOKS) {
    await applyLook(page, look);
    await expectNoAxeViolations(page, `sign-in, ${look.name}`);
    await screenshot(page, `sign-in-${look.name.replace(/\s+/g, '-')}`);
  }

  const password = page.getByLabel('Dashboard password');
  await password.fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sign-in-error')).toContainText('That password is not right');
  await expect(password).toHaveAttribute('aria-invalid', 'true');

  await password.fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${server.url}/tasks?status=failed`);

  const session = (await context.cookies()).find((c) => c.name === 'hailuo_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('hailuo_session');

  await page.goto(server.url);
  await expectSeenUpload(page);
  await expect(page.getByTestId('balance')).toContainText('credits');

  await page.goto(`${server.url}/sign-in`);
  await expect(page.getByTestId('sign-in-state')).toContainText('You are signed in.');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel('Dashboard password')).toBeVisible();
  await page.goto(`${server.url}/tasks`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks$/);
  expect(await csp.violations()).toEqual([]);
});
