/**
 * Which database a test server uses: SQLite in its DATA_DIR (the default, as in production), or
 * with TEST_DATABASE=postgres a schema of its own in the throwaway PostgreSQL cluster that the
 * test run started (postgres-global-setup.ts puts its URL in TEST_POSTGRES_URL). A server
 * restarted on the same DATA_DIR finds the same schema, as a restarted server finds its database.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

export const onPostgres = () => process.env.TEST_DATABASE === 'postgres';

function clusterUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) {
    throw new Error(
      'No test PostgreSQL: run these tests through Vitest (its global setup starts the cluster), e.g. `npx vitest run --project postgres`.',
    );
  }
  return url;
}

/** The URL of `schema` in the cluster: every table of a store opened on it lands in that schema. */
function schemaUrl(schema: string): string {
  const url = new URL(clusterUrl());
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A new, empty schema; `drop()` removes it with everything in it. */
export async function freshSchema(
  name = `t_${randomBytes(8).toString('hex')}`,
): Promise<{ url: string; drop(): Promise<void> }> {
  await runAsAdmin(`CREATE SCHEMA IF NOT EXISTS ${name}`);
  return { url: schemaUrl(name), drop: () => runAsAdmin(`DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}

/** The environment that points a server on `dataDir` at its database: nothing for SQLite, DATABASE_URL for PostgreSQL. */
export async function testDatabaseEnv(dataDir: string): Promise<Record<string, string>> {
  if (!onPostgres()) return {};
  const schema = `d_${createHash('sha256').update(dataDir).digest('hex').slice(0, 20)}`;
  return { DATABASE_URL: (await freshSchema(schema)).url };
}

export async function runAsAdmin(sql: string): Promise<void> {
  const client = new pg.Client(clusterUrl());
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
