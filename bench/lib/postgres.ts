/** The benches on PostgreSQL: a throwaway cluster for the run (as the tests' global setup starts one), stopped after. */
import { startPostgresCluster } from '../../tests/support/postgres-cluster';

export async function withPostgres(work: () => Promise<void>): Promise<void> {
  const cluster = await startPostgresCluster();
  process.env.TEST_POSTGRES_URL = cluster.url;
  try {
    await work();
  } finally {
    delete process.env.TEST_POSTGRES_URL;
    await cluster.stop();
  }
}
