/**
 * The gallery's list at scale: 10,000 tasks written straight into the store of a temporary
 * DATA_DIR, then the real server answers the first page, a status filter, a prompt search and
 * the fifth page by cursor (server time from the route's Server-Timing header); then Chromium
 * scrolls the dashboard's gallery through many loaded pages (gallery-scroll.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { taskListSchema } from '@/shared/contract';
import { BUDGETS } from './budgets';
import { median, percentile } from './lib/percentiles';
import { benchGalleryScroll, printGalleryScroll, type ScrollFigures } from './gallery-scroll';
import { seedGallery } from '../tests/support/seed-gallery';
import { freePort, startServer } from '../tests/support/server-process';

const TASKS = Number(process.env.BENCH_GALLERY_TASKS ?? 10_000);
const SAMPLES = 60;

export interface ListTiming {
  name: string;
  items: number;
  serverMs: number[];
  roundTripMs: number[];
}

export interface GalleryFigures {
  tasks: number;
  seedMs: number;
  timings: ListTiming[];
  scroll: ScrollFigures;
}

async function timeList(name: string, url: string): Promise<ListTiming> {
  const serverMs: number[] = [];
  const roundTripMs: number[] = [];
  let items = 0;
  for (let i = 0; i < SAMPLES + 5; i++) {
    const started = performance.now();
    const response = await fetch(url);
    const body = taskListSchema.parse(await response.json());
    const elapsed = performance.now() - started;
    const timing = /app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
    if (!timing) throw new Error(`${url} sent no Server-Timing header`);
    items = body.items.length;
    if (i < 5) continue; // warm-up: JIT and SQLite's page cache
    serverMs.push(Number(timing[1]));
    roundTripMs.push(elapsed);
  }
  return { name, items, serverMs, roundTripMs };
}

async function cursorOfPage(base: string, page: number): Promise<string> {
  let cursor: string | null = null;
  for (let i = 1; i < page; i++) {
    const query: string = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
    cursor = taskListSchema.parse(await (await fetch(`${base}/api/v1/tasks${query}`)).json()).next_cursor;
    if (!cursor) throw new Error(`the list ended before page ${page}`);
  }
  return cursor!;
}

export async function benchGallery(): Promise<GalleryFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-bench-gallery-'));
  try {
    const port = await freePort();
    const seedStarted = performance.now();
    await seedGallery(dataDir, `http://127.0.0.1:${port}`, TASKS);
    const seedMs = performance.now() - seedStarted;
    const server = await startServer({ PORT: String(port), DATA_DIR: dataDir });
    try {
      const list = `${server.url}/api/v1/tasks`;
      const timings = [
        await timeList('first page', list),
        await timeList('status=failed', `${list}?status=failed`),
        await timeList('q=sunset (search)', `${list}?q=sunset`),
        // Matching nothing reads every prompt, for the list and again for the counts: the worst case.
        await timeList('q=zeppelin (none)', `${list}?q=zeppelin`),
        await timeList('page 5 by cursor', `${list}?cursor=${encodeURIComponent(await cursorOfPage(server.url, 5))}`),
      ];
      const scroll = await benchGalleryScroll(server.url, timings[0]!.items);
      return { tasks: TASKS, seedMs, timings, scroll };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printGallery(figures: GalleryFigures): boolean {
  const target = BUDGETS.firstPageServerMs;
  console.log(
    `\nGET /api/v1/tasks with ${figures.tasks.toLocaleString('en')} tasks in the store (seeded in ${(figures.seedMs / 1000).toFixed(1)} s), ${SAMPLES} requests each`,
  );
  let ok = true;
  for (const t of figures.timings) {
    const serverMedian = median(t.serverMs);
    const fits = serverMedian <= target;
    ok &&= fits;
    console.log(
      `  ${t.name.padEnd(18)} ${String(t.items).padStart(3)} items: server median ${serverMedian.toFixed(1)} ms, p95 ${percentile(t.serverMs, 95).toFixed(1)} ms; round trip median ${median(t.roundTripMs).toFixed(1)} ms, p95 ${percentile(t.roundTripMs, 95).toFixed(1)} ms ${fits ? 'ok' : `OVER ${target} ms`}`,
    );
  }
  console.log(`  target: server median ≤ ${target} ms for each ${ok ? 'ok' : 'MISSED'}`);
  return printGalleryScroll(figures.scroll) && ok;
}
