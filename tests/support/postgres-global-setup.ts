/**
 * Vitest global setup: starts one throwaway PostgreSQL cluster for the run (for the `postgres`
 * project, or for any project with TEST_DATABASE=postgres) and stops it at the end. Tests reach
 * it through TEST_POSTGRES_URL, each in a schema of its own (test-database.ts).
 */
import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster';

export default async function setup(project: TestProject) {
  if (project.name !== 'postgres' && process.env.TEST_DATABASE !== 'postgres') return;
  if (process.env.TEST_POSTGRES_URL) return; // another project of this run started it
  const started = Date.now();
  const cluster = await startPostgresCluster();
  process.env.TEST_POSTGRES_URL = cluster.url;
  console.log(`PostgreSQL test cluster on port ${cluster.port}, started in ${Date.now() - started} ms`);
  return async () => {
    delete process.env.TEST_POSTGRES_URL;
    await cluster.stop();
  };
}
