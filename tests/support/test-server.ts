/**
 * The whole server over a temporary DATA_DIR (and with TEST_DATABASE=postgres a PostgreSQL schema
 * of its own, test-database.ts), as tests use it: in this process through Hono's
 * app.request() (startTestApp, no socket), or on a real socket on 127.0.0.1, port 0
 * (startTestServer), for tests where the connection itself is the point (raw HTTP, slow or
 * broken clients). Both answer to the same `Api`, so the helpers in api-calls.ts serve either.
 */
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '@/server/app';
import { readConfig } from '@/server/config/config';
import { serveApp } from '@/server/http/serve-app';
import { openServices, type Services } from '@/server/services';
import type { Api } from './api';
import { UNTHROTTLED } from './server-process';
import { testDatabaseEnv } from './test-database';

export interface TestServer extends Api {
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

/*
 * Where an in-process app is reached: Hono's own default for app.request('/path'). Nothing
 * listens there; links the server hands out (uploads, videos) are fetched with `fetch` too.
 */
const IN_PROCESS_ORIGIN = 'http://localhost';

/** The server in this process, without a socket: every request goes through app.request(). */
export async function startTestApp(
  env: Record<string, string> = {},
  dataDir = makeDataDir(),
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { app, services } = await build(env, dataDir, options);
  services.setListenOrigin(IN_PROCESS_ORIGIN);
  await services.start();
  return {
    url: IN_PROCESS_ORIGIN,
    fetch: async (input, init) => {
      // A turn of the event loop, as a request over a socket takes: a client polling in a tight
      // loop must not starve the server's own timers (the tracker's next poll).
      await new Promise((resolve) => setImmediate(resolve));
      return app.request(await asSent(new Request(new URL(input, IN_PROCESS_ORIGIN), init)));
    },
    dataDir,
    services,
    stop: () => services.stop(),
  };
}

/** The server on a real socket (127.0.0.1, port 0). */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = makeDataDir(),
  options: TestServerOptions = {},
): Promise<TestServer> {
  const { app, services } = await build(env, dataDir, options);
  const server = await new Promise<Server>((resolve) => {
    const listening = serveApp({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  services.setListenOrigin(url);
  await services.start();
  return {
    url,
    fetch: (input, init) => fetch(new URL(input, url), init),
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

async function build(env: Record<string, string>, dataDir: string, options: TestServerOptions) {
  // An empty "build": the SPA fallback answers 503 "not built", as on a fresh checkout.
  fs.mkdirSync(path.join(dataDir, 'no-dist'), { recursive: true });
  const config = readConfig({
    LOCAL_ENGINE_DELAY_MS: '300',
    LOG_LEVEL: 'error',
    DIST_DIR: path.join(dataDir, 'no-dist'),
    ...UNTHROTTLED,
    ...(await testDatabaseEnv(dataDir)),
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
  return { app: createApp({ services, version: 'test' }), services };
}

/*
 * A request as a client puts it on the wire: fetch over a socket says how long a body is
 * (Content-Length), and the body limits read that header; a Request built in memory has none.
 */
async function asSent(request: Request): Promise<Request> {
  if (!request.body || request.headers.has('content-length')) return request;
  const body = await request.arrayBuffer();
  const headers = new Headers(request.headers);
  headers.set('content-length', String(body.byteLength));
  return new Request(request.url, { method: request.method, headers, body });
}
