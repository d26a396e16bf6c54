import { expect, test } from '@playwright/test';

test('the server answers its health check and serves the dashboard', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(await health.json()).toMatchObject({ ok: true, engine: 'local', simulated: true });

  await page.goto('/');
  await expect(page).toHaveTitle(/Hailuo/);
});

test('the page loads without layout shift: the engine banner and the balance have their room from the first paint', async ({
  page,
}) => {
  const html = await (await page.request.get('/tasks/some-deep-link')).text();
  expect(html).toContain('<html data-engine="local"');

  // The health check is held back: the banner must not wait for it.
  let releaseHealth = () => {};
  const healthHeld = new Promise<void>((resolve) => (releaseHealth = resolve));
  await page.route('**/api/health', async (route) => {
    await healthHeld;
    await route.continue();
  });
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { __shifts: number[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(page.getByTestId('engine-banner')).toBeVisible();
  releaseHealth();
  await expect(page.getByText(/credits · simulated/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  const cls = await page.evaluate(() =>
    (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0),
  );
  expect(cls).toBeLessThanOrEqual(0.05);
});
