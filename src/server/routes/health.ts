/**
 * `GET /api/health`: which engine answers, and whether what this server depends on answers it.
 * Each dependency is one named check (the database here; others add theirs to the list in
 * app.ts); every check is run at each call, bounded in time, and reports `ok` and its latency.
 * When one fails the answer is 503, so a load balancer takes this server out of rotation; the
 * body says which check failed, in words, with no server detail.
 */
import { Hono } from 'hono';
import type { Health, HealthCheckResult } from '@/shared/contract';

export interface HealthCheck {
  /** The key of its result in `checks` (`database`, `bucket`). */
  name: string;
  /** Resolves with what the check found worth saying (the kind of database); rejects when it failed. */
  run(): Promise<Record<string, string | number | boolean>>;
}

/* A check that has not answered by then has failed: a health check must answer fast. */
const CHECK_TIMEOUT_MS = 2000;

async function runCheck(check: HealthCheck): Promise<HealthCheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
  });
  try {
    const details = await Promise.race([check.run(), timeout]);
    return { ...details, ok: true, latency_ms: Math.round((performance.now() - started) * 10) / 10 };
  } catch (error) {
    const timedOut = error instanceof Error && error.message === 'timeout';
    return {
      ok: false,
      latency_ms: Math.round(performance.now() - started),
      error: timedOut ? `no answer within ${CHECK_TIMEOUT_MS / 1000} s` : 'not reachable',
    };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(engine: Health['engine'], version: string, checks: readonly HealthCheck[] = []) {
  const started = Date.now();
  return new Hono().get('/', async (c) => {
    const results = await Promise.all(checks.map(async (check) => [check.name, await runCheck(check)] as const));
    const ok = results.every(([, result]) => result.ok);
    const health: Health = {
      ok,
      engine,
      simulated: engine === 'local',
      version,
      uptime_s: Math.round((Date.now() - started) / 1000),
      checks: Object.fromEntries(results),
    };
    return c.json(health, ok ? 200 : 503, { 'Cache-Control': 'no-store' });
  });
}
