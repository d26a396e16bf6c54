import { useId } from 'react';
import { MODE_LABELS } from '@/lib/mode-labels';
import { MODES } from '@/shared/pricing';
import type { VariantOption } from '@/features/batch/lib/variant-options';

export interface VariantPickerProps {
  options: readonly VariantOption[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  max: number;
}

/** Checkboxes for every variant, grouped by mode; a combination not offered shows disabled with the reason. */
export function VariantPicker({ options, selected, onToggle, max }: VariantPickerProps) {
  const reasonId = useId();
  const reasons = [...new Set(options.map((o) => o.unavailable).filter((r): r is string => Boolean(r)))];
  const full = selected.size >= max;
  // The reason matters once a duration that rules a combination out is picked (10 s: no 1080P);
  // until then the disabled cards say "Not offered" and the reason is only their description.
  const reasonApplies = options.some(
    (o) => selected.has(o.key) && options.some((other) => other.unavailable && other.duration === o.duration),
  );
  return (
    <fieldset className="flex min-w-0 flex-col gap-3">
      <legend className="mb-1 text-sm font-semibold">Variants</legend>
      <p className="-mt-1 text-xs text-slate-600 dark:text-slate-400">
        Pick 1 to {max}. Every image is made in each variant you pick.
      </p>
      {MODES.map((mode) => (
        <div key={mode} role="group" aria-label={MODE_LABELS[mode]} className="flex flex-col gap-1.5">
          <p className="text-xs font-semibold text-slate-700 dark:text-slate-300" aria-hidden="true">
            {MODE_LABELS[mode]}
          </p>
          <div className="grid grid-cols-2 gap-2">
            {options
              .filter((option) => option.mode === mode)
              .map((option) => {
                const checked = selected.has(option.key);
                const disabled = Boolean(option.unavailable) || (full && !checked);
                return (
                  <label
                    key={option.key}
                    className={[
                      'flex items-start gap-2 rounded-lg border px-2.5 py-2 text-sm transition-colors',
                      'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500',
                      checked
                        ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600 dark:border-brand-400 dark:bg-brand-950/50 dark:ring-brand-400'
                        : 'border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-900',
                      option.unavailable
                        ? 'cursor-not-allowed border-dashed opacity-60'
                        : disabled
                          ? 'cursor-not-allowed opacity-60'
                          : 'cursor-pointer',
                    ].join(' ')}
                  >
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={disabled}
                      onChange={() => onToggle(option.key)}
                      aria-describedby={option.unavailable ? reasonId : undefined}
                      className="mt-0.5 size-4 accent-brand-600"
                    />
                    <span className="flex flex-col">
                      <span className="font-medium">
                        {option.duration} s · {option.resolution}
                      </span>
                      <span className="text-xs text-slate-600 dark:text-slate-400">
                        {option.unavailable
                          ? 'Not offered'
                          : option.credits === null
                            ? '—'
                            : `${option.credits} credits`}
                      </span>
                    </span>
                  </label>
                );
              })}
          </div>
        </div>
      ))}
      {reasons.length ? (
        <p
          id={reasonId}
          hidden={!reasonApplies}
          className="text-xs text-slate-700 dark:text-slate-300"
          data-testid="variant-unavailable"
        >
          {reasons.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
