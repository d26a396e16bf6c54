import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/* Suites that need the test PostgreSQL cluster whatever TEST_DATABASE says. */
const POSTGRES_ONLY = ['src/server/store/postgres/**/*.test.ts', 'tests/**/*.postgres.test.ts'];

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: {
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/vitest.json' },
    // Vitest's default is one fewer than the cores: a single file at a time on a 2-core machine.
    // Most API test time is spent waiting (timers, child processes), so two files share well.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/shared/**/*.test.ts', 'src/lib/**/*.test.ts', 'src/features/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'api',
          // The server's unit tests beside its code, and the suites across it in tests/ (the browser's are e2e specs).
          include: ['src/server/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: POSTGRES_ONLY,
          environment: 'node',
          // Files run in parallel: each has its own DATA_DIR and port-0 listeners, and route tests
          // go through app.request() with no socket. Generous timeouts: MP4s are really encoded on
          // two shared cores, and the SIGKILL suites restart whole server processes.
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Only with TEST_DATABASE=postgres (every suite against PostgreSQL): starts the cluster.
          globalSetup: ['tests/support/postgres-global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          // The PostgreSQL store and its faults, and suites that also ran on SQLite above, now on
          // PostgreSQL: the routes that write tasks, and races between submits and servers.
          include: [
            ...POSTGRES_ONLY,
            'src/server/routes/generations.test.ts',
            'src/server/routes/batches.test.ts',
            'src/server/routes/tasks.test.ts',
            'src/server/routes/montages.test.ts',
            'src/server/routes/metrics.test.ts',
            'src/server/tasks/task-answers-writers.test.ts',
            'src/server/routes/task-actions.test.ts',
            'src/server/routes/batch-retry.test.ts',
            'tests/reliability/idempotent-submits.test.ts',
            'tests/reliability/database-locked.test.ts',
            'tests/reliability/sigkill-montage.test.ts',
          ],
          environment: 'node',
          env: { TEST_DATABASE: 'postgres' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['tests/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
