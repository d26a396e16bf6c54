/** Reads config, builds the app and listens. Nothing else starts here. */
import { serve } from '@hono/node-server';
import { createRequire } from 'node:module';
import { createApp } from './app';
import { readConfig } from './config';

const config = readConfig();
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };
const app = createApp({ config, version });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  const engine = config.apiKey ? 'API in One' : 'local preview engine (simulated, no credits spent)';
  console.log(`Hailuo Studio on http://${info.address}:${info.port} — ${engine}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
