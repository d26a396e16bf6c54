/**
 * A fleet for the benches: `size` server processes on one PostgreSQL database (a fresh schema
 * of the throwaway cluster the bench started), each with its own DATA_DIR, in API in One mode
 * against a fake upstream on loopback.
 */
import fs from 'node:fs';
import { freshSchema } from '../../tests/support/test-database';
import { makeDataDir } from '../../tests/support/test-server';
import { ServerProcess } from '../../tests/support/server-process';
import { CANARY_KEY } from '../../tests/support/test-client';

export interface Fleet {
  servers: ServerProcess[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startFleet(size: number, upstreamUrl: string, env: Record<string, string> = {}): Promise<Fleet> {
  const schema = await freshSchema();
  const servers: ServerProcess[] = [];
  const stop = async () => {
    for (const server of servers) {
      await server.terminate();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
    await schema.drop();
  };
  try {
    for (let i = 0; i < size; i++) {
      const server = await ServerProcess.create(makeDataDir(), {
        LOG_LEVEL: 'error',
        APIINONE_API_KEY: CANARY_KEY,
        APIINONE_BASE_URL: upstreamUrl,
        // The person's image is on the fake upstream, on loopback.
        UNSAFE_ALLOW_LOOPBACK_FETCH: '1',
        ...env,
        DATABASE_URL: schema.url,
      });
      servers.push(server);
      await server.start();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers, databaseUrl: schema.url, stop };
}
