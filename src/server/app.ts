/**
 * The Hono app: the middleware in front of every request, the routes (each declares its own
 * chain: rate limit, guards, body limit, validation), one error shape. Built here from its
 * services, started in `main.ts`.
 */
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import fs from 'node:fs';
import path from 'node:path';
import type { Health } from '@/shared/contract';
import type { ErrorCode } from '@/shared/errors';
import { requireAccess } from './access/require-access';
import { backstopBodyLimit } from './http/backstop-body-limit';
import { faultDetail } from './faults/describe-fault';
import { isStorageFull } from './faults/storage-full';
import { errorBody, HttpError } from './http/http-error';
import { requestId } from './http/request-id';
import { reservedAreaOf } from './http/reserved-path';
import { sameOriginWrites } from './http/same-origin-writes';
import { securityHeaders } from './http/security-headers';
import { authRoutes } from './routes/auth';
import { batchRoutes } from './routes/batches';
import { billingRoutes } from './routes/billing';
import { downloadRoutes } from './routes/downloads';
import { generationRoutes } from './routes/generations';
import { healthRoutes } from './routes/health';
import { imageRoutes } from './routes/images';
import { mediaRoutes } from './routes/media';
import { metricsRoutes } from './routes/metrics';
import { modelRoutes } from './routes/models';
import { montageRoutes } from './routes/montages';
import { spendRoutes } from './routes/spend';
import { taskActionRoutes } from './routes/task-actions';
import { taskRoutes } from './routes/tasks';
import { uploadRoutes } from './routes/uploads';
import { webhookRoutes } from './routes/webhooks';
import type { Services } from './services';
import { databaseCheck } from './store/database-check';
import { mediaCheck } from './media/media-check';
import { StoreUnavailableError } from './store/store-unavailable';
import { MediaMissingError, MediaUnavailableError } from './media/media-storage';

const STORAGE_FULL_ANSWER =
  'The server has run out of storage space, so nothing was saved. Try again once space has been freed on the server.';

export interface AppDeps {
  services: Services;
  version: string;
}

export function createApp({ services, version }: AppDeps) {
  const app = new Hono();
  // In front of every request, in this order: its id (on its log lines and its answer), strict
  // headers on every answer (also on the refusals below), a body limit on every route,
  // cross-site writes refused, access control.
  app.use(
    requestId(services.log),
    securityHeaders(),
    backstopBodyLimit(),
    sameOriginWrites(services.config.publicBaseUrl),
    requireAccess(services.access),
  );

  // What the health check asks of this server's dependencies: each check one entry.
  const checks = [databaseCheck(services.store), mediaCheck(services.media)];
  app.route('/api/health', healthRoutes(services.engine.name, version, checks));
  app.route('/api/v1/auth', authRoutes(services));
  app.route('/api/v1/videos/generations', generationRoutes(services));
  app.route('/api/v1/tasks', taskActionRoutes(services));
  app.route('/api/v1/tasks', taskRoutes(services));
  app.route('/api/v1/uploads', uploadRoutes(services));
  app.route('/api/v1/images', imageRoutes(services));
  app.route('/api/v1/models', modelRoutes());
  app.route('/api/v1/billing', billingRoutes(services));
  app.route('/api/v1/billing/spend', spendRoutes(services));
  app.route('/api/v1/batches', batchRoutes(services));
  app.route('/api/v1/montages', montageRoutes(services));
  app.route('/api/v1/downloads.zip', downloadRoutes(services));
  app.route('/api/v1/webhooks', webhookRoutes(services));
  app.route('/media', mediaRoutes(services));
  app.route('/metrics', metricsRoutes(services.metrics));

  // Whatever no route above answered under /api or /media, in any spelling, is a JSON 404, never the dashboard.
  app.all('*', async (c, next) => {
    const area = reservedAreaOf(c.req.path);
    if (area === 'media') return c.json(errorBody('not_found', 'No such file.'), 404);
    if (area === 'api') return c.json(errorBody('not_found', `No API route ${c.req.method} ${c.req.path}.`), 404);
    await next();
  });
  mountSpa(app, services.config.distDir, services.engine.name);

  app.notFound((c) => c.json(errorBody('not_found', `Nothing at ${c.req.path}.`), 404));
  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(errorBody(err.code, err.message, err.details), err.status);
    // Hono's own refusals (e.g. a malformed multipart body) in our shape.
    if (err instanceof HTTPException && err.status < 500) {
      const status = err.status as ContentfulStatusCode;
      return c.json(errorBody(codeForStatus(status), err.message || 'The request could not be read.'), status);
    }
    if (err instanceof StoreUnavailableError) return storeUnavailable(c, err, services);
    if (err instanceof MediaMissingError) return c.json(errorBody('not_found', 'No such file.'), 404);
    if (err instanceof MediaUnavailableError) return mediaUnavailable(c, err, services);
    // A full disk is no bug of ours and no fault of the client's: 507, in words, the detail in the log.
    if (isStorageFull(err)) {
      services.log.warn('storage full', { path: c.req.path, detail: faultDetail(err) });
      return c.json(errorBody('insufficient_storage', STORAGE_FULL_ANSWER), 507);
    }
    services.log.error('unhandled error', {
      path: c.req.path,
      error: err instanceof Error ? err.message : String(err),
    });
    return c.json(errorBody('internal_error', 'Something went wrong on our side. Try again in a moment.'), 500);
  });
  return app;
}

/*
 * The database could not answer in time (locked by another process, overloaded, unreachable).
 * Nothing of the failed call was written, so the same request can simply be sent again.
 */
function storeUnavailable(c: Context, err: StoreUnavailableError, services: Services) {
  services.log.warn('database unavailable', { path: c.req.path, reason: err.reason, detail: err.detail });
  c.header('Retry-After', String(err.retryAfterS));
  const message =
    `The server's database is ${err.reason === 'busy' ? 'busy' : 'not reachable'} right now. ` +
    `Try again in ${err.retryAfterS} s; a retry with the same Idempotency-Key cannot start a second video.`;
  return c.json(errorBody('service_unavailable', message), 503);
}

/* The bucket did not answer: nothing was stored, so the same request can be sent again. */
function mediaUnavailable(c: Context, err: MediaUnavailableError, services: Services) {
  services.log.warn('media storage unavailable', { path: c.req.path, detail: faultDetail(err.cause) });
  c.header('Retry-After', String(err.retryAfterS));
  const message = `The server's media storage is not reachable right now. Try again in ${err.retryAfterS} s.`;
  return c.json(errorBody('service_unavailable', message), 503);
}

function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 415) return 'unsupported_media_type';
  return 'validation_failed';
}

/**
 * Serves the built SPA; any other GET falls back to the page so deep links work on reload.
 * The page is told which engine runs (`<html data-engine>`), so the local-engine banner is in
 * the first render rather than pushing the page down when the health check answers.
 */
function mountSpa(app: Hono, distDir: string, engine: Health['engine']) {
  const root = path.relative(process.cwd(), distDir) || '.';
  const send = (c: Context, file: string) => {
    if (!fs.existsSync(file)) return c.text('The dashboard is not built yet: run `npm run build`.', 503);
    return c.html(fs.readFileSync(file, 'utf8').replace(/<html\b/, `<html data-engine="${engine}"`));
  };
  // The build prerenders the creator's page into index.html (scripts/prerender.ts); every other
  // address gets the empty shell, so a deep link never shows the creator's page first.
  const shell = path.join(distDir, 'shell.html');
  const creator = (c: Context) => send(c, path.join(distDir, 'index.html'));
  const page = (c: Context) => send(c, fs.existsSync(shell) ? shell : path.join(distDir, 'index.html'));
  app.get('/', creator);
  app.get('/index.html', creator);
  app.get('/shell.html', page);
  app.use(
    '/assets/*',
    serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', page);
}
