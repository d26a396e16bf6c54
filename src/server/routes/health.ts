import { Hono } from 'hono';
import type { Health } from '@/shared/contract';

export function healthRoutes(engine: Health['engine'], version: string) {
  const started = Date.now();
  return new Hono().get('/', (c) =>
    c.json({
      ok: true,
      engine,
      simulated: engine === 'local',
      version,
      uptime_s: Math.round((Date.now() - started) / 1000),
    } satisfies Health),
  );
}
