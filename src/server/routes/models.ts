import { Hono } from 'hono';
import type { Catalogue } from '@/shared/contract';
import { USD_PER_CREDIT } from '@/shared/limits';
import { DEFAULT_CATALOGUE, DEFAULT_MODEL_ID, DURATIONS, RESOLUTIONS } from '@/shared/pricing';

/** `GET /api/v1/models`: the catalogue with every option and price — the server's numbers, which the form shows. */
export function modelRoutes() {
  const catalogue: Catalogue = {
    models: DEFAULT_CATALOGUE,
    default_model: DEFAULT_MODEL_ID,
    durations: [...DURATIONS],
    resolutions: [...RESOLUTIONS],
    usd_per_credit: USD_PER_CREDIT,
  };
  return new Hono().get('/', (c) => c.json(catalogue));
}
