import { expect, test } from '@playwright/test';

test('the server answers its health check and serves the dashboard', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(await health.json()).toMatchObject({ ok: true, engine: 'local', simulated: true });

  await page.goto('/');
  await expect(page).toHaveTitle(/Hailuo/);
});
