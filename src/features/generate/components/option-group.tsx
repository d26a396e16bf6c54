import { useId, type ReactNode } from 'react';

export interface Option<V extends string> {
  value: V;
  label: string;
  hint?: ReactNode;
  /** Why the option cannot be picked with the other choices; the option shows disabled. */
  disabledReason?: string | null;
}

export interface OptionGroupProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  columns?: 2 | 3;
  error?: string;
}

/** Radio buttons drawn as cards: arrow keys move between them, as with any radio group. */
export function OptionGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  columns = 2,
  error,
}: OptionGroupProps<V>) {
  const baseId = useId();
  const reasons = [...new Set(options.map((o) => o.disabledReason).filter((r): r is string => Boolean(r)))];
  const reasonId = `${baseId}-reason`;
  const errorId = `${baseId}-error`;
  return (
    <fieldset className="flex min-w-0 flex-col gap-2">
      <legend className="mb-2 text-sm font-semibold">{legend}</legend>
      <div className={`grid gap-2 ${columns === 3 ? 'grid-cols-3' : 'grid-cols-2'}`}>
        {options.map((option) => {
          const disabled = Boolean(option.disabledReason);
          const checked = option.value === value;
          return (
            <label
              key={option.value}
              className={[
                'relative flex flex-col gap-0.5 rounded-lg border px-3 py-2 text-sm transition-colors',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500',
                checked
                  ? 'border-brand-600 bg-brand-50 ring-1 ring-brand-600 dark:border-brand-400 dark:bg-brand-950/50 dark:ring-brand-400'
                  : 'border-slate-300 bg-white hover:border-slate-400 dark:border-slate-600 dark:bg-slate-900 dark:hover:border-slate-500',
                disabled ? 'cursor-not-allowed border-dashed opacity-60 hover:border-slate-300' : 'cursor-pointer',
              ].join(' ')}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                disabled={disabled}
                onChange={() => onChange(option.value)}
                aria-describedby={disabled ? reasonId : undefined}
                className="sr-only"
              />
              <span className="font-medium">{option.label}</span>
              {option.hint ? <span className="text-xs text-slate-600 dark:text-slate-400">{option.hint}</span> : null}
              {disabled ? <span className="text-xs text-slate-600 dark:text-slate-400">Not offered</span> : null}
            </label>
          );
        })}
      </div>
      {reasons.length ? (
        <p id={reasonId} className="text-xs text-amber-800 dark:text-amber-300" data-testid={`${name}-unavailable`}>
          {reasons.join(' ')}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
