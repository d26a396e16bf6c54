import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, TEN_SECONDS_1080P_REASON } from '@/shared/pricing';
import { batchQuote, variantOptions } from './variant-options';

describe('variantOptions', () => {
  it('lists every mode × resolution × duration with the catalogue’s price, 10 s at 1080P not offered', () => {
    expect(variantOptions(DEFAULT_CATALOGUE).map((o) => [o.key, o.credits, o.unavailable])).toEqual([
      ['standard-6-768P', 30, null],
      ['standard-10-768P', 45, null],
      ['standard-6-1080P', 45, null],
      ['standard-10-1080P', null, TEN_SECONDS_1080P_REASON],
      ['pro-6-768P', 45, null],
      ['pro-10-768P', 85, null],
      ['pro-6-1080P', 75, null],
      ['pro-10-1080P', null, TEN_SECONDS_1080P_REASON],
    ]);
  });

  it('follows the catalogue it is given, not a table of its own', () => {
    const dearer = DEFAULT_CATALOGUE.map((m) => ({
      ...m,
      prices: m.prices.map((p) => ({ ...p, credits: p.credits * 2 })),
    }));
    expect(variantOptions(dearer)[0]!.credits).toBe(60);
  });
});

describe('batchQuote', () => {
  it('prices every variant for every image', () => {
    const variants = [
      { mode: 'standard', duration: '6', resolution: '768P' },
      { mode: 'pro', duration: '6', resolution: '768P' },
    ] as const;
    expect(batchQuote(DEFAULT_CATALOGUE, 1, variants)).toEqual({ ok: true, credits: 75, usd: 0.75 });
    expect(batchQuote(DEFAULT_CATALOGUE, 3, variants)).toMatchObject({ ok: true, credits: 225 });
  });

  it('refuses a variant that is not offered, with the reason', () => {
    const quote = batchQuote(DEFAULT_CATALOGUE, 2, [{ mode: 'pro', duration: '10', resolution: '1080P' }]);
    expect(quote).toMatchObject({ ok: false, reason: TEN_SECONDS_1080P_REASON });
  });
});
