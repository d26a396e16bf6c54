/**
 * Lab figures for the main page in Chromium, read from its own performance APIs (LCP, CLS,
 * and total blocking time from long tasks), against the built app on the real server.
 */
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from '../tests/support/chromium';
import { BUDGETS } from './budgets';
import { startServer } from '../tests/support/server-process';

export interface VitalsFigures {
  lcpMs: number;
  cls: number;
  tbtMs: number;
  fcpMs: number;
}

/** Installed before any page script: collects what the browser reports while the page loads. */
const OBSERVERS = `
  window.__vitals = { lcp: 0, cls: 0, longTasks: [] };
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__vitals.lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__vitals.cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__vitals.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
`;

async function measureOnce(url: string, cpuSlowdown: number): Promise<VitalsFigures> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    if (cpuSlowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    }
    await page.addInitScript(OBSERVERS);
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(1500);
    return await page.evaluate(() => {
      const v = (window as unknown as { __vitals: { lcp: number; cls: number; longTasks: [number, number][] } })
        .__vitals;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const tbt = v.longTasks
        .filter(([start]) => start >= fcp)
        .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
      return { lcpMs: v.lcp, cls: v.cls, tbtMs: tbt, fcpMs: fcp };
    });
  } finally {
    await browser.close();
  }
}

/*
 * "Before" is the same build served without its prerendered page: dist/shell.html as the
 * creator's page, so React draws everything after its scripts run (what every build did before
 * issue 22). Served from a copy of dist, by the same server, in the same run.
 */
function shellOnlyDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-vitals-shell-'));
  fs.cpSync(path.resolve('dist'), dir, { recursive: true });
  fs.copyFileSync(path.join(dir, 'shell.html'), path.join(dir, 'index.html'));
  return dir;
}

type Figures = { desktop: VitalsFigures; slowCpu: VitalsFigures };

async function measureServed(distDir: string | null, runs: number): Promise<Figures> {
  const app = await startServer(distDir ? { DIST_DIR: distDir } : {});
  try {
    const median = async (slowdown: number) => {
      const all: VitalsFigures[] = [];
      for (let i = 0; i < runs; i++) all.push(await measureOnce(`${app.url}/`, slowdown));
      const pick = (key: keyof VitalsFigures) =>
        all.map((f) => f[key]).sort((a, b) => a - b)[Math.floor(all.length / 2)]!;
      return { lcpMs: pick('lcpMs'), cls: pick('cls'), tbtMs: pick('tbtMs'), fcpMs: pick('fcpMs') };
    };
    return { desktop: await median(1), slowCpu: await median(4) };
  } finally {
    await app.stop();
  }
}

export async function benchWebVitals(runs = 3): Promise<{ before: Figures; after: Figures }> {
  const shell = shellOnlyDist();
  try {
    return { before: await measureServed(shell, runs), after: await measureServed(null, runs) };
  } finally {
    fs.rmSync(shell, { recursive: true, force: true });
  }
}

export function printWebVitals(figures: Awaited<ReturnType<typeof benchWebVitals>>): boolean {
  const line = (name: string, f: VitalsFigures) =>
    `  ${name}: FCP ${f.fcpMs.toFixed(0)} ms, LCP ${f.lcpMs.toFixed(0)} ms, TBT ${f.tbtMs.toFixed(0)} ms, CLS ${f.cls.toFixed(3)}`;
  const { before, after } = figures;
  const d = after.desktop;
  const ok =
    d.lcpMs <= BUDGETS.lcpMs &&
    d.tbtMs <= BUDGETS.totalBlockingTimeMs &&
    d.cls <= BUDGETS.cls &&
    after.slowCpu.lcpMs <= BUDGETS.lcpSlowCpuMs &&
    after.slowCpu.cls <= BUDGETS.cls;
  console.log('\nMain page lab figures in Chromium (median of 3 cold loads, built app, real server)');
  console.log(' before: the same build without its prerendered page (dist/shell.html served as /)');
  console.log(line('desktop      ', before.desktop));
  console.log(line('4x slower CPU', before.slowCpu));
  console.log(' after: the prerendered page, taken over by hydrateRoot');
  console.log(line('desktop      ', d));
  console.log(line('4x slower CPU', after.slowCpu));
  console.log(
    `  LCP at 4x slower CPU ${(before.slowCpu.lcpMs / Math.max(1, after.slowCpu.lcpMs)).toFixed(2)}x sooner; ` +
      `targets LCP ≤ ${BUDGETS.lcpMs} ms, TBT ≤ ${BUDGETS.totalBlockingTimeMs} ms, CLS ≤ ${BUDGETS.cls} (desktop), ` +
      `LCP ≤ ${BUDGETS.lcpSlowCpuMs} ms at 4x ${ok ? 'ok' : 'OVER'}`,
  );
  return ok;
}
