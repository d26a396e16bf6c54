import { USD_PER_CREDIT } from './limits';

/**
 * The model catalogue and its prices, as data. The server serves this table from
 * `GET /api/v1/models`; the form reads the server's copy and quotes with `quote()`, so the
 * browser never invents a number.
 */
export const DURATIONS = ['6', '10'] as const;
export type Duration = (typeof DURATIONS)[number];

export const RESOLUTIONS = ['768P', '1080P'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const MODES = ['standard', 'pro'] as const;
export type Mode = (typeof MODES)[number];

export const MODEL_IDS = {
  standard: 'hailuo/2-3-image-to-video-standard',
  pro: 'hailuo/2-3-image-to-video-pro',
} as const satisfies Record<Mode, string>;

/** The seed's short name, an alias of the standard sub-model. */
export const MODEL_ALIAS = 'hailuo-2-3';
export const DEFAULT_MODEL_ID = MODEL_IDS.standard;
export const HAILUO_MODEL_NAMES = [MODEL_ALIAS, MODEL_IDS.standard, MODEL_IDS.pro] as const;
export type HailuoModelName = (typeof HAILUO_MODEL_NAMES)[number];

export interface PricePoint {
  duration: Duration;
  resolution: Resolution;
  credits: number;
}

export interface UnavailableCombination {
  duration: Duration;
  resolution: Resolution;
  reason: string;
}

export interface CatalogueModel {
  id: string;
  label: string;
  kind: 'video';
  description: string;
  aliases: string[];
  /** Only Hailuo 2.3 can be generated from this dashboard; the rest are listed as in the seed. */
  generatable: boolean;
  mode: Mode | null;
  prices: PricePoint[];
  /** For models listed at one flat price in the seed. */
  flat_price_credits: number | null;
  unavailable: UnavailableCombination[];
}

export const TEN_SECONDS_1080P_REASON = 'Hailuo 2.3 offers 1080P only at 6 s. Choose 768P for a 10 s video.';

const HAILUO_UNAVAILABLE: UnavailableCombination[] = [
  { duration: '10', resolution: '1080P', reason: TEN_SECONDS_1080P_REASON },
];

/*
 * Standard is exact in the seed; pro is given as 45–85, so 45/85 are its ends and 75 for
 * 6 s 1080P is the product's default (product.md).
 */
export const DEFAULT_CATALOGUE: CatalogueModel[] = [
  {
    id: MODEL_IDS.standard,
    label: 'Hailuo 2.3 Standard',
    kind: 'video',
    description: 'Cheaper and still excellent: cinematic motion from one still image.',
    aliases: [MODEL_ALIAS],
    generatable: true,
    mode: 'standard',
    prices: [
      { duration: '6', resolution: '768P', credits: 30 },
      { duration: '10', resolution: '768P', credits: 45 },
      { duration: '6', resolution: '1080P', credits: 45 },
    ],
    flat_price_credits: null,
    unavailable: HAILUO_UNAVAILABLE,
  },
  {
    id: MODEL_IDS.pro,
    label: 'Hailuo 2.3 Pro',
    kind: 'video',
    description: 'Higher quality with better motion fidelity.',
    aliases: [],
    generatable: true,
    mode: 'pro',
    prices: [
      { duration: '6', resolution: '768P', credits: 45 },
      { duration: '10', resolution: '768P', credits: 85 },
      { duration: '6', resolution: '1080P', credits: 75 },
    ],
    flat_price_credits: null,
    unavailable: HAILUO_UNAVAILABLE,
  },
  ...(
    [
      ['grok-video', 'Grok Video', 24],
      ['ltx-2', 'LTX-2', 24],
      ['wan-2-6', 'Wan 2.6', 80],
      ['kling-3', 'Kling 3', 300],
    ] as const
  ).map(([id, label, credits]): CatalogueModel => ({
    id,
    label,
    kind: 'video',
    description: 'Another live model on the same API in One endpoint.',
    aliases: [],
    generatable: false,
    mode: null,
    prices: [],
    flat_price_credits: credits,
    unavailable: [],
  })),
];

/** Resolves an id or alias to its catalogue entry. */
export function findModel(catalogue: readonly CatalogueModel[], name: string): CatalogueModel | undefined {
  return catalogue.find((model) => model.id === name || model.aliases.includes(name));
}

export function modelIdForMode(mode: Mode): string {
  return MODEL_IDS[mode];
}

export function modeOfModel(name: string): Mode | null {
  if (name === MODEL_ALIAS || name === MODEL_IDS.standard) return 'standard';
  if (name === MODEL_IDS.pro) return 'pro';
  return null;
}

export function unavailableReason(
  model: Pick<CatalogueModel, 'unavailable'>,
  duration: Duration,
  resolution: Resolution,
): string | null {
  const hit = model.unavailable.find((u) => u.duration === duration && u.resolution === resolution);
  return hit ? hit.reason : null;
}

export type Quote =
  | { ok: true; credits: number; usd: number }
  | { ok: false; reason: string; code: 'unknown_model' | 'model_not_available' | 'unsupported_combination' };

/** Prices one generation from a catalogue (the server's, or the copy the browser fetched from it). */
export function quote(
  catalogue: readonly CatalogueModel[],
  params: { model: string; duration: Duration; resolution: Resolution },
): Quote {
  const model = findModel(catalogue, params.model);
  if (!model) return { ok: false, code: 'unknown_model', reason: `Unknown model "${params.model}".` };
  if (!model.generatable) {
    return {
      ok: false,
      code: 'model_not_available',
      reason: `${model.label} is listed for reference; this dashboard generates with Hailuo 2.3 only.`,
    };
  }
  const reason = unavailableReason(model, params.duration, params.resolution);
  if (reason) return { ok: false, code: 'unsupported_combination', reason };
  const point = model.prices.find((p) => p.duration === params.duration && p.resolution === params.resolution);
  if (!point) {
    return { ok: false, code: 'unsupported_combination', reason: `${model.label} has no price for this combination.` };
  }
  return { ok: true, credits: point.credits, usd: creditsToUsd(point.credits) };
}

/** The default table's price: what the issue calls `priceOf(model, duration, resolution)`. */
export function priceOf(model: string, duration: Duration, resolution: Resolution): Quote {
  return quote(DEFAULT_CATALOGUE, { model, duration, resolution });
}

export function creditsToUsd(credits: number): number {
  return Math.round(credits * USD_PER_CREDIT * 100) / 100;
}
