import { describe, expect, it } from 'vitest';
import { creditsToUsd, DEFAULT_CATALOGUE, findModel, modeOfModel, priceOf, quote } from './pricing';

describe('priceOf', () => {
  const table: Array<[string, '6' | '10', '768P' | '1080P', number]> = [
    ['hailuo/2-3-image-to-video-standard', '6', '768P', 30],
    ['hailuo/2-3-image-to-video-standard', '10', '768P', 45],
    ['hailuo/2-3-image-to-video-standard', '6', '1080P', 45],
    ['hailuo-2-3', '6', '768P', 30],
    ['hailuo-2-3', '10', '768P', 45],
    ['hailuo-2-3', '6', '1080P', 45],
    ['hailuo/2-3-image-to-video-pro', '6', '768P', 45],
    ['hailuo/2-3-image-to-video-pro', '10', '768P', 85],
    ['hailuo/2-3-image-to-video-pro', '6', '1080P', 75],
  ];

  it.each(table)('%s %s s %s costs %i credits', (model, duration, resolution, credits) => {
    expect(priceOf(model, duration, resolution)).toEqual({ ok: true, credits, usd: credits / 100 });
  });

  it.each(['hailuo-2-3', 'hailuo/2-3-image-to-video-standard', 'hailuo/2-3-image-to-video-pro'])(
    'refuses 10 s at 1080P for %s with the reason a person reads',
    (model) => {
      expect(priceOf(model, '10', '1080P')).toEqual({
        ok: false,
        code: 'unsupported_combination',
        reason: 'Hailuo 2.3 offers 1080P only at 6 s. Choose 768P for a 10 s video.',
      });
    },
  );

  it('refuses an unknown model', () => {
    expect(priceOf('sora-9', '6', '768P')).toMatchObject({ ok: false, code: 'unknown_model' });
  });

  it('lists the other models of the endpoint but does not generate with them', () => {
    expect(priceOf('kling-3', '6', '768P')).toMatchObject({ ok: false, code: 'model_not_available' });
    const flat = Object.fromEntries(
      DEFAULT_CATALOGUE.filter((m) => !m.generatable).map((m) => [m.id, m.flat_price_credits]),
    );
    expect(flat).toEqual({ 'grok-video': 24, 'ltx-2': 24, 'wan-2-6': 80, 'kling-3': 300 });
  });

  it('quotes from whatever catalogue it is given, so the browser can use the server copy', () => {
    const catalogue = structuredClone(DEFAULT_CATALOGUE);
    catalogue[1]!.prices[0]!.credits = 50;
    expect(
      quote(catalogue, { model: 'hailuo/2-3-image-to-video-pro', duration: '6', resolution: '768P' }),
    ).toMatchObject({ credits: 50 });
  });
});

describe('model names', () => {
  it('resolves the seed alias to the standard sub-model', () => {
    expect(findModel(DEFAULT_CATALOGUE, 'hailuo-2-3')?.id).toBe('hailuo/2-3-image-to-video-standard');
    expect(modeOfModel('hailuo-2-3')).toBe('standard');
    expect(modeOfModel('hailuo/2-3-image-to-video-pro')).toBe('pro');
    expect(modeOfModel('kling-3')).toBeNull();
  });

  it('converts credits to dollars at one cent each', () => {
    expect(creditsToUsd(85)).toBe(0.85);
    expect(creditsToUsd(300)).toBe(3);
  });
});
