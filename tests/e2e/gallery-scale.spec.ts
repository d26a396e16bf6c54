/**
 * The gallery with 10,000 tasks in the store, in Chromium: it opens on the newest page, and
 * however many pages are scrolled in, only the rows near the viewport are in the DOM (spacers
 * keep the page's height); posters past the first screen load lazily, a <video> exists only
 * once a card plays (and then with preload="none"); a focused card stays in the page when
 * scrolled far away; scrolling back up brings the newest cards back.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedGallery } from '../support/seed-gallery';
import { freePort, startServer, type ServerProcess } from '../support/server-process';

const TASKS = 10_000;
const PAGES = 12;
const PAGE_SIZE = 24;

let server: ServerProcess;
let dataDir = '';
let newestFirst: string[] = [];

const cards = (page: Page) => page.getByTestId('task-card');
const pageHeight = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight);

/* List pages asked for (not the running tasks' `?ids=` polls). */
function recordPageLoads(page: Page): string[] {
  const loads: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/v1/tasks' && !url.searchParams.has('ids')) loads.push(url.search);
  });
  return loads;
}

/* To the end of the page, and wait until the next page of tasks is asked for and has made the page taller. */
async function scrollToLoadMore(page: Page, loads: readonly string[]): Promise<void> {
  const [loaded, height] = [loads.length, await pageHeight(page)];
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(() => loads.length, { timeout: 15_000 }).toBe(loaded + 1);
  await expect.poll(() => pageHeight(page), { timeout: 15_000 }).toBeGreaterThan(height);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gallery-scale-e2e-'));
  const port = await freePort();
  newestFirst = (await seedGallery(dataDir, `http://127.0.0.1:${port}`, TASKS)).reverse();
  server = await startServer({ PORT: String(port), DATA_DIR: dataDir });
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('scrolling through many pages keeps a bounded number of cards in the page', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const pageLoads = recordPageLoads(page);
  await page.goto(server.url);
  await expect(cards(page).first()).toHaveAttribute('data-task-id', newestFirst[0]!);
  await expect(cards(page)).toHaveCount(PAGE_SIZE);

  // The first screen's posters load at once; the others when scrolled near.
  const loading = await page
    .locator('[data-testid="task-card"] img')
    .evaluateAll((imgs) => imgs.map((img) => img.getAttribute('loading')));
  expect(loading.slice(0, 4)).toEqual(['eager', 'eager', 'eager', 'eager']);
  expect(new Set(loading.slice(4))).toEqual(new Set(['lazy']));
  await expect(page.locator('video')).toHaveCount(0);

  // Scroll to the end again and again: each time the next page loads and the page grows.
  for (let i = 1; i < PAGES; i++) await scrollToLoadMore(page, pageLoads);
  expect(pageLoads.length).toBe(PAGES);
  await expect(page.getByRole('button', { name: 'Load more' })).toBeVisible();

  const inPage = await cards(page).count();
  // Two columns at this width: the rows in view, a few above and below, never hundreds.
  expect(inPage).toBeGreaterThan(4);
  expect(inPage).toBeLessThanOrEqual(40);
  // The page is as tall as every loaded row, so the scrollbar tells the truth.
  expect(await pageHeight(page)).toBeGreaterThan(((PAGES * PAGE_SIZE) / 2) * 200);

  // The newest card comes back at the top, in its place.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(cards(page).first()).toHaveAttribute('data-task-id', newestFirst[0]!);
  await expect(cards(page).first()).toBeInViewport();
  expect(await cards(page).count()).toBeLessThanOrEqual(40);
});

test('a card plays only when asked, without preloading, and keeps focus when scrolled away', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const pageLoads = recordPageLoads(page);
  await page.goto(server.url);
  await expect(cards(page).first()).toHaveAttribute('data-task-id', newestFirst[0]!);
  const firstId = await page
    .locator('[data-testid="task-card"][data-status="succeeded"]')
    .first()
    .getAttribute('data-task-id');
  const first = page.locator(`[data-testid="task-card"][data-task-id="${firstId}"]`);
  await expect(page.locator('video')).toHaveCount(0);

  // Pointing at a card plays it in place (a tap or a click does on touch screens).
  await first.getByTestId('task-media').hover();
  await expect(first.getByTestId('inline-video')).toHaveAttribute('preload', 'none');
  await expect(page.locator('video')).toHaveCount(1);

  // Enough pages for the list to be windowed; back at the top, focus the card, then scroll far away.
  for (let i = 0; i < 4; i++) await scrollToLoadMore(page, pageLoads);
  await expect(first).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await first.getByRole('link', { name: 'Open task details' }).focus();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  // Far out of view, yet still in the page, holding the focus.
  await expect(first).toHaveCount(1);
  await expect(first).not.toBeInViewport();
  const focused = await page.evaluate(() =>
    document.activeElement?.closest('[data-testid="task-card"]')?.getAttribute('data-task-id'),
  );
  expect(focused).toBe(firstId);
});

test('a search matching more tasks than the server counts says "1,000+", and no per-status counts', async ({
  page,
}) => {
  // "take" is in every prompt: more than the count's cap. "take 12" is in 111 of them: counted exactly.
  await page.goto(`${server.url}/tasks?q=take`);
  await expect(page.getByTestId('list-summary')).toHaveText('Showing 50 of 1,000+ tasks');
  const chips = page.getByTestId('status-chips');
  await expect(chips.getByRole('button', { name: 'All', exact: true })).toBeVisible();
  await expect(chips.getByRole('button', { name: 'Ready', exact: true })).toBeVisible();
  await page.goto(`${server.url}/tasks?q=${encodeURIComponent('take 12')}`);
  await expect(page.getByTestId('list-summary')).toHaveText('Showing 50 of 111 tasks');
  await expect(chips.getByRole('button', { name: 'All (111)', exact: true })).toBeVisible();

  await page.goto(server.url);
  const search = page.getByRole('searchbox', { name: 'Search prompts' });
  await search.fill('take');
  const all = page.getByRole('group', { name: 'Show videos by status' }).getByRole('button', { name: /^All/ });
  await expect(all).toHaveText('All');
  await search.fill('take 12');
  await expect(all).toHaveText('All111');
});
