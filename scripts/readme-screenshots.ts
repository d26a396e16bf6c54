/**
 * `npm run screenshots`: the README's pictures, taken from the real built app on a real server
 * (local preview engine, a fresh data dir) in Debian's Chromium, written to docs/screenshots/.
 * Each PNG is re-encoded with a palette so the README stays light (each well under 300 KB).
 */
import { chromium, type Browser, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { startServer, waitForHttp } from '../tests/support/server-process';
import { writeSceneImage } from '../tests/e2e/helpers/test-images';
import { api, submitFailingTask, submitTask, uploadSample, waitForStatus } from '../tests/support/seed-tasks';

const OUT_DIR = path.resolve('docs/screenshots');
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/* Long enough to photograph a task mid-way; the seeded tasks all run at once, so it is paid once. */
const DELAY_MS = 20_000;
/* A part taller than this (a long gallery) is cut, so the picture stays readable in the README. */
const MAX_PART_HEIGHT = 1000;
const PAD = 16;
const WIDE = { width: 1920, height: 1080 };

const GALLERY_TASKS = [
  { prompt: 'Slow cinematic push-in on the bottle, soft studio light sweeping across the label', pro: true },
  { prompt: 'The camera drifts right across the valley at dusk as the sun sinks behind the hills', pro: false },
  { prompt: 'Gentle orbit around the product, reflections gliding over the glass', pro: true },
  { prompt: 'Aerial pull-back over the hills, warm evening light, long shadows', pro: false },
];

async function uploadFile(base: string, file: string): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([fs.readFileSync(file)], { type: 'image/jpeg' }), path.basename(file));
  return (await api<{ url: string }>(base, '/api/v1/uploads', { method: 'POST', body: form })).url;
}

/** Finished videos of two pictures (the sample product and a drawn landscape) and one failure. */
async function seedGallery(base: string, workDir: string): Promise<{ readyId: string; failedId: string }> {
  const landscape = await writeSceneImage(workDir, 'landscape.jpg', { width: 1280, height: 720, format: 'jpeg' });
  const images = [await uploadSample(base), await uploadFile(base, landscape)];
  const failedId = (await submitFailingTask(base, 'Tilt up from the table to the window, morning light')).task_id;
  const ids: string[] = [];
  for (const [i, task] of GALLERY_TASKS.entries()) {
    const model = task.pro ? 'hailuo/2-3-image-to-video-pro' : 'hailuo/2-3-image-to-video-standard';
    ids.push(await submitTask(base, images[i % 2] ?? '', task.prompt, { model }));
  }
  for (const id of ids) await waitForStatus(base, id, 'succeeded', DELAY_MS * 4);
  return { readyId: ids[ids.length - 1] ?? '', failedId };
}

/** The viewport, or one part of the page (from the top of the page, so the sticky header stays put). */
async function save(page: Page, name: string, part?: Locator, maxHeight = MAX_PART_HEIGHT): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Every picture on the page has arrived (or failed for good), so none is caught half-loaded.
  await page.waitForFunction(() => [...document.images].every((image) => image.loading === 'lazy' || image.complete));
  const box = part ? await part.boundingBox() : null;
  // A little of the page around the part, so its border and shadow show.
  const clip = box
    ? { x: box.x - PAD, y: box.y - PAD, width: box.width + 2 * PAD, height: Math.min(box.height, maxHeight) + 2 * PAD }
    : undefined;
  const png = await page.screenshot(clip ? { clip, fullPage: true } : {});
  const file = path.join(OUT_DIR, `${name}.png`);
  await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9, effort: 10 }).toFile(file);
  console.log(`${path.relative(process.cwd(), file)}  ${Math.round(fs.statSync(file).size / 1024)} KB`);
}

async function openPage(browser: Browser, base: string, colorScheme: 'light' | 'dark', viewport = DESKTOP) {
  const context = await browser.newContext({ baseURL: base, viewport, colorScheme, reducedMotion: 'reduce' });
  return context.newPage();
}

/** The form filled with the sample: its preview, a written prompt, pro / 10 s and the price. */
async function fillForm(page: Page): Promise<void> {
  await page.goto('/');
  const form = page.getByRole('form', { name: 'New video' });
  const chooser = page.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Choose a file' }).click();
  await (await chooser).setFiles('public/sample-product.jpg');
  await form.getByTestId('image-details').getByText('1280×960').waitFor();
  await form
    .getByRole('textbox', { name: 'Prompt' })
    .fill('Slow cinematic push-in on the product, soft studio light sweeping across it, gentle reflections');
  for (const [group, value] of [
    ['Mode', /^Pro/],
    ['Duration', /^10 s/],
  ] as const) {
    await form.getByRole('group', { name: group }).getByRole('radio', { name: value }).locator('..').click();
  }
  await form.getByTestId('price').getByText('85', { exact: true }).waitFor();
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'readme-screenshots-'));
  const server = await startServer({ DATA_DIR: dataDir, LOCAL_ENGINE_DELAY_MS: String(DELAY_MS) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    await waitForHttp(`${server.url}/api/health`);
    const { readyId, failedId } = await seedGallery(server.url, dataDir);

    const light = await openPage(browser, server.url, 'light');
    await fillForm(light);
    await save(light, 'form', light.getByRole('form', { name: 'New video' }), Infinity); // the whole form, price included

    await light.getByRole('button', { name: /Generate video/ }).click();
    const running = light.locator('[data-testid="task-card"][data-status="running"]');
    await running.waitFor();
    // Well under way, and after the "on its way" toast has gone.
    await light
      .getByTestId('task-progress')
      .first()
      .getByText(/\b[3-9]\d%/)
      .waitFor({ timeout: DELAY_MS });
    await light.getByRole('status').filter({ hasText: 'on its way' }).waitFor({ state: 'detached' });
    await save(light, 'running');
    await running.waitFor({ state: 'detached', timeout: DELAY_MS * 3 });

    // The gallery on a large desktop: three columns beside the form.
    const wide = await openPage(browser, server.url, 'light', WIDE);
    await wide.goto('/');
    await wide.locator(`[data-task-id="${readyId}"]`).waitFor();
    await wide.waitForLoadState('networkidle');
    await save(wide, 'gallery');

    await light.goto('/');
    await light.locator(`[data-task-id="${readyId}"]`).waitFor();

    await light.locator(`[data-task-id="${readyId}"]`).getByRole('button', { name: 'Watch' }).click();
    const video = light.getByTestId('player-video');
    await video.evaluate(async (element: HTMLVideoElement) => {
      await new Promise((resolve) =>
        element.readyState >= 2 ? resolve(null) : element.addEventListener('loadeddata', resolve),
      );
      element.pause();
      element.currentTime = 2.5;
      await new Promise((resolve) => element.addEventListener('seeked', resolve, { once: true }));
    });
    await save(light, 'player');

    await light.goto(`/tasks/${failedId}`);
    await light.getByTestId('task-error-code').waitFor();
    await save(light, 'inspector');

    const dark = await openPage(browser, server.url, 'dark');
    await dark.goto('/');
    await dark.locator(`[data-task-id="${readyId}"]`).waitFor();
    await dark.waitForLoadState('networkidle');
    await save(dark, 'dark');

    const phone = await openPage(browser, server.url, 'light', PHONE);
    await fillForm(phone);
    await save(phone, 'phone');
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
