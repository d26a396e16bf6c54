/**
 * `GET /metrics`: Prometheus' text format (metrics/metrics.ts). Behind the same access as the
 * API (require-access.ts): open on a loopback server, an API key or a session beyond it — a
 * scraper sends `Authorization: Bearer aio_…` with a key made for it (`npm run keys`).
 */
import { Hono } from 'hono';
import type { Metrics } from '@/server/metrics/metrics';

export function metricsRoutes(metrics: Metrics) {
  return new Hono().get('/', async (c) =>
    c.body(await metrics.render(), 200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' }),
  );
}
