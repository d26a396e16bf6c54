import { Hono } from 'hono';
import type { Health } from '@/shared/contract';
import type { MediaStorage } from '@/server/media/media-storage';

/* 503 when the bucket does not answer: a balancer takes the server out rather than send it uploads it cannot keep. */
export function healthRoutes(engine: Health['engine'], version: string, media: Pick<MediaStorage, 'health'>) {
  const started = Date.now();
  return new Hono().get('/', async (c) => {
    const storage = await media.health();
    return c.json(
      {
        ok: storage.reachable,
        engine,
        simulated: engine === 'local',
        version,
        uptime_s: Math.round((Date.now() - started) / 1000),
        media: storage,
      } satisfies Health,
      storage.reachable ? 200 : 503,
    );
  });
}
