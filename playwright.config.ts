import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from './tests/support/chromium';

/*
 * The e2e tests run the built app on the real server with a fresh SQLite file and a fast
 * local engine. Port and data dir can be set so that two runs on one machine do not meet.
 */
const port = Number(process.env.E2E_PORT ?? 4317);
const dataDir = process.env.E2E_DATA_DIR ?? path.join(os.tmpdir(), `hailuo-e2e-${port}-${process.pid}`);

export default defineConfig({
  testDir: 'tests/e2e',
  // Generous: axe over every look of a page is slow on a loaded 2-core machine; only failing tests wait this long.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : [['list']],
  outputDir: 'test-results/e2e-artifacts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: 'npx tsx src/server/main.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOCAL_ENGINE_DELAY_MS: process.env.LOCAL_ENGINE_DELAY_MS ?? '1500',
      LOCAL_ENGINE_FAILURE_RATE: '0',
      LOG_LEVEL: 'warn',
      APIINONE_API_KEY: '',
      // The suites submit and upload far faster than a person; the limits have their own tests.
      RATE_LIMIT_SUBMITS_PER_MIN: '0',
      RATE_LIMIT_BATCHES_PER_MIN: '0',
      RATE_LIMIT_UPLOADS_PER_MIN: '0',
    },
  },
});
