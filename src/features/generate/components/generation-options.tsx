import type { Catalogue } from '@/shared/contract';
import {
  DURATIONS,
  MODES,
  RESOLUTIONS,
  findModel,
  modelIdForMode,
  quote,
  unavailableReason,
  type Duration,
  type Mode,
  type Resolution,
} from '@/shared/pricing';
import { OptionGroup } from './option-group';
import { MODE_LABELS } from '@/lib/mode-labels';

export interface OptionValues {
  mode: Mode;
  duration: Duration;
  resolution: Resolution;
}

export interface GenerationOptionsProps {
  catalogue: Catalogue | undefined;
  values: OptionValues;
  onChange: <K extends keyof OptionValues>(field: K, value: OptionValues[K]) => void;
  errors: Partial<Record<keyof OptionValues, string>>;
}

const RESOLUTION_HINTS: Record<Resolution, string> = { '768P': 'HD, faster', '1080P': 'Full HD' };

/** Mode, duration and resolution; each option shows what it would cost with the other choices. */
export function GenerationOptions({ catalogue, values, onChange, errors }: GenerationOptionsProps) {
  const models = catalogue?.models ?? [];
  const priceHint = (params: OptionValues) => {
    const q = quote(models, {
      model: modelIdForMode(params.mode),
      duration: params.duration,
      resolution: params.resolution,
    });
    return q.ok ? `${q.credits} credits` : undefined;
  };
  const current = findModel(models, modelIdForMode(values.mode));
  const reasonFor = (duration: Duration, resolution: Resolution) =>
    current ? unavailableReason(current, duration, resolution) : null;

  return (
    <div className="flex flex-col gap-5">
      <OptionGroup
        legend="Mode"
        name="mode"
        value={values.mode}
        onChange={(mode) => onChange('mode', mode)}
        error={errors.mode}
        options={MODES.map((mode) => ({
          value: mode,
          label: MODE_LABELS[mode],
          hint: findModel(models, modelIdForMode(mode))?.description,
        }))}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <OptionGroup
          legend="Duration"
          name="duration"
          value={values.duration}
          onChange={(duration) => onChange('duration', duration)}
          error={errors.duration}
          options={DURATIONS.map((duration) => ({
            value: duration,
            label: `${duration} s`,
            hint: priceHint({ ...values, duration }),
            disabledReason: reasonFor(duration, values.resolution),
          }))}
        />
        <OptionGroup
          legend="Resolution"
          name="resolution"
          value={values.resolution}
          onChange={(resolution) => onChange('resolution', resolution)}
          error={errors.resolution}
          options={RESOLUTIONS.map((resolution) => ({
            value: resolution,
            label: resolution,
            hint: priceHint({ ...values, resolution }) ?? RESOLUTION_HINTS[resolution],
            disabledReason: reasonFor(values.duration, resolution),
          }))}
        />
      </div>
    </div>
  );
}
