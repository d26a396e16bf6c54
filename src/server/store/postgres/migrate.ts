import type pg from 'pg';
import { storeError } from './pg-database';

/* One lock per schema: servers starting at once on one database migrate it once, one after the other. */
const LOCK = "SELECT pg_advisory_lock(hashtext('hailuo-studio migrations ' || COALESCE(current_schema(), '')))";

/** Applies the migrations this database has not seen yet, each in its own transaction. */
export async function migratePostgres(pool: pg.Pool, migrations: readonly string[]): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw storeError(error);
  }
  try {
    // Another server may be migrating: wait for it longer than a request would wait for a lock.
    await client.query("SET lock_timeout = '60s'");
    await client.query(LOCK);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations',
    );
    const current = rows[0]!.version;
    if (current > migrations.length) {
      throw new Error(
        `The database was written by a newer version of this server (schema ${current}, this one knows ${migrations.length}).`,
      );
    }
    for (let version = current + 1; version <= migrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[version - 1]!);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          version,
          Date.now(),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } catch (error) {
    throw storeError(error);
  } finally {
    // Not handed back to the pool: its session holds the lock and a longer lock_timeout.
    client.release(true);
  }
}
