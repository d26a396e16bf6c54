/**
 * `GET /api/v1/billing/spend?days=30&tz_offset_min=60`: credits charged per day (every day of
 * the window, empty ones too, so a chart has no gaps) and per batch, from the ledger.
 */
import { Hono } from 'hono';
import { spendQuerySchema, type Spend } from '@/shared/batch-contract';
import { validate } from '@/server/http/validate';
import type { Services } from '@/server/services';

const DAY_MS = 86_400_000;
const MAX_BATCHES = 100;

/** The window's days as `YYYY-MM-DD` in the viewer's zone, oldest first, ending today. */
export function windowDays(days: number, now: number, offsetMinutes: number): string[] {
  const today = Math.floor((now + offsetMinutes * 60_000) / DAY_MS);
  return Array.from({ length: days }, (_, i) => new Date((today - days + 1 + i) * DAY_MS).toISOString().slice(0, 10));
}

export function spendRoutes({ store }: Services) {
  return new Hono().get('/', validate('query', spendQuerySchema), async (c) => {
    const { days, tz_offset_min: offset } = c.req.valid('query');
    const now = Date.now();
    const dates = windowDays(days, now, offset);
    // Midnight of the first day in the viewer's zone, as a UTC instant.
    const from = Date.parse(`${dates[0]}T00:00:00Z`) - offset * 60_000;
    const to = now + 1;
    const [spentDays, batches] = await Promise.all([
      store.spend.byDay(from, to, offset),
      store.spend.byBatch(from, to, MAX_BATCHES),
    ]);
    const byDate = new Map(spentDays.map((day) => [day.date, day]));
    const byDay = dates.map((date) => ({
      date,
      charged_credits: byDate.get(date)?.chargedCredits ?? 0,
      videos: byDate.get(date)?.videos ?? 0,
    }));
    return c.json({
      days,
      from: new Date(from).toISOString(),
      to: new Date(now).toISOString(),
      tz_offset_min: offset,
      total_charged_credits: byDay.reduce((sum, day) => sum + day.charged_credits, 0),
      by_day: byDay,
      by_batch: batches.map((batch) => ({
        batch_id: batch.batchId,
        prompt: batch.prompt,
        created_at: new Date(batch.createdAt).toISOString(),
        task_count: batch.taskCount,
        succeeded: batch.succeeded,
        total_price_credits: batch.priceCredits,
        charged_credits: batch.chargedCredits,
      })),
    } satisfies Spend);
  });
}
