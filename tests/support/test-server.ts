/** The real server on a real socket (127.0.0.1, port 0) over a temporary DATA_DIR, as tests use it. */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '@/server/app';
import { readConfig } from '@/server/config/config';
import { serveApp } from '@/server/http/serve-app';
import { openServices, type Services } from '@/server/services';
import { UNTHROTTLED } from './server-process';

export interface TestServer {
  url: string;
  dataDir: string;
  services: Services;
  /** Stops like SIGTERM does: no new requests, the tracker's writes finish, the database closes. */
  stop(): Promise<void>;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'hailuo-api-'));
}

/* Tests play "the internet" on 127.0.0.1; every other address stays refused as in production. */
export const testAddressPolicy = (address: string) => address === '127.0.0.1' || address === '::ffff:127.0.0.1';

export interface TestServerOptions {
  /** User links get the production policy (public addresses only): no loopback plays "the internet". */
  productionLinkPolicy?: boolean;
}

export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = makeDataDir(),
  options: TestServerOptions = {},
): Promise<TestServer> {
  // An empty "build": the SPA fallback answers 503 "not built", as on a fresh checkout.
  fs.mkdirSync(path.join(dataDir, 'no-dist'), { recursive: true });
  const config = readConfig({
    LOCAL_ENGINE_DELAY_MS: '300',
    LOG_LEVEL: 'error',
    DIST_DIR: path.join(dataDir, 'no-dist'),
    ...UNTHROTTLED,
    ...env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    APIINONE_API_KEY: env.APIINONE_API_KEY ?? '',
  });
  const services = await openServices(
    config,
    options.productionLinkPolicy ? {} : { isAllowedAddress: testAddressPolicy },
  );
  const app = createApp({ services, version: 'test' });
  const server = await new Promise<Server>((resolve) => {
    const listening = serveApp({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  services.setListenOrigin(url);
  await services.start();
  return {
    url,
    dataDir,
    services,
    stop: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await services.stop();
    },
  };
}
