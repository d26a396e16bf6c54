import { Hono } from 'hono';
import type { Credits } from '@/shared/contract';
import { USD_PER_CREDIT } from '@/shared/limits';
import type { Services } from '@/server/services';

/** `GET /api/v1/billing/credits`: the balance and spend, from the ledger. */
export function billingRoutes({ store, engine }: Services) {
  return new Hono().get('/credits', async (c) => {
    const { balance, spent, refunded } = await store.ledger.summary();
    return c.json({
      balance,
      spent,
      refunded,
      simulated: engine.simulated,
      usd_per_credit: USD_PER_CREDIT,
    } satisfies Credits);
  });
}
