/**
 * The variants a batch can ask for — every mode × duration × resolution — each priced from the
 * server's catalogue, or marked not offered with the catalogue's reason.
 */
import {
  creditsToUsd,
  DURATIONS,
  findModel,
  MODES,
  modelIdForMode,
  quote,
  RESOLUTIONS,
  unavailableReason,
  type CatalogueModel,
  type Duration,
  type Mode,
  type Quote,
  type Resolution,
} from '@/shared/pricing';

export interface VariantChoice {
  mode: Mode;
  duration: Duration;
  resolution: Resolution;
}

export interface VariantOption extends VariantChoice {
  key: string;
  /** Null when not offered (see `unavailable`) or the catalogue has no price. */
  credits: number | null;
  unavailable: string | null;
}

export function variantKey(choice: VariantChoice): string {
  return `${choice.mode}-${choice.duration}-${choice.resolution}`;
}

/** Mode by mode; within one, the cheaper resolution first and the shorter duration first. */
export function variantOptions(models: readonly CatalogueModel[]): VariantOption[] {
  return MODES.flatMap((mode) =>
    RESOLUTIONS.flatMap((resolution) =>
      DURATIONS.map((duration): VariantOption => {
        const choice = { mode, duration, resolution };
        const model = findModel(models, modelIdForMode(mode));
        const priced = quote(models, { model: modelIdForMode(mode), duration, resolution });
        return {
          ...choice,
          key: variantKey(choice),
          credits: priced.ok ? priced.credits : null,
          unavailable: model ? unavailableReason(model, duration, resolution) : null,
        };
      }),
    ),
  );
}

/** The whole batch's price: every chosen variant for every image. */
export function batchQuote(
  models: readonly CatalogueModel[],
  imageCount: number,
  variants: readonly VariantChoice[],
): Quote {
  let perImage = 0;
  for (const variant of variants) {
    const priced = quote(models, { ...variant, model: modelIdForMode(variant.mode) });
    if (!priced.ok) return priced;
    perImage += priced.credits;
  }
  const credits = perImage * imageCount;
  return { ok: true, credits, usd: creditsToUsd(credits) };
}
