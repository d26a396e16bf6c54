/**
 * Reads config, takes DATA_DIR and opens the services, listens; on SIGTERM stops the tracker,
 * lets writes finish and closes the DB. A second server on the same DATA_DIR exits 1 at once.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { assertAccessConfigured, AccessNotConfiguredError } from './access/access';
import { createApp } from './app';
import { readConfig } from './config/config';
import { serveApp } from './http/serve-app';
import { DataDirInUseError } from './data-dir/data-dir-lock';
import { openServices } from './services';

const config = readConfig();
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
const services = await openServices(config).catch((error: unknown) => {
  // Another server holds DATA_DIR: say who, and leave without having touched the folder.
  if (!(error instanceof DataDirInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
});
try {
  await assertAccessConfigured(services.access, config.host);
} catch (error) {
  if (!(error instanceof AccessNotConfiguredError)) throw error;
  console.error(error.message);
  await services.stop();
  process.exit(2);
}
const app = createApp({ services, version });

const server = serveApp({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
  services.setListenOrigin(`http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`);
  const engine = config.apiKey ? 'API in One' : 'local preview engine (simulated, no credits spent)';
  const access = services.access.mode === 'open' ? 'open (this machine only)' : 'sign-in or API key required';
  services.log.info(`Hailuo Studio on http://${info.address}:${info.port} — ${engine}; access ${access}`, {
    database: services.store.kind,
  });
});
server.once('error', (error: NodeJS.ErrnoException) => {
  const why = error.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is already in use` : error.message;
  console.error(`Hailuo Studio could not listen: ${why}.`);
  services.stop().finally(() => process.exit(1));
});
await services.start();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    // Stop taking requests, then let the tracker's in-flight writes finish before the DB closes.
    server.close();
    const forced = setTimeout(() => process.exit(1), 15_000);
    forced.unref();
    services
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        services.log.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
        process.exit(1);
      });
  });
}
