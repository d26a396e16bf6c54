/** The Hono app: routes, middleware, one error shape. Built here, started in `main.ts`, tested with `app.request()`. */
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import { errorBody, HttpError } from './http-error';
import { healthRoutes } from './routes/health';

export interface AppDeps {
  config: Config;
  version: string;
}

export function createApp({ config, version }: AppDeps) {
  const app = new Hono();
  const engine = config.apiKey ? 'apiinone' : 'local';

  app.route('/api/health', healthRoutes(engine, version));

  app.all('/api/*', (c) => c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}.`), 404));
  mountSpa(app, config.distDir);

  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.path}.`), 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    console.error('unhandled error', err instanceof Error ? err.message : err);
    return c.json(errorBody('internal_error', 'Something went wrong on our side. Try again in a moment.'), 500);
  });
  return app;
}

/** Serves the built SPA; any other GET falls back to `index.html` so deep links work on reload. */
function mountSpa(app: Hono, distDir: string) {
  const root = path.relative(process.cwd(), distDir) || '.';
  app.use(
    '/assets/*',
    serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    const index = path.join(distDir, 'index.html');
    if (!fs.existsSync(index)) return c.text('The dashboard is not built yet: run `npm run build`.', 503);
    return c.html(fs.readFileSync(index, 'utf8'));
  });
}
