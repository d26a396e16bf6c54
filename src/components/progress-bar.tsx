export interface ProgressBarProps {
  /** 0–100; null draws an indeterminate bar (progress not known yet). */
  value: number | null;
  label: string;
  className?: string;
}

export function ProgressBar({ value, label, className = '' }: ProgressBarProps) {
  const clamped = value === null ? null : Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped ?? undefined}
      className={`h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700 ${className}`}
    >
      <div
        className={`h-full rounded-full bg-brand-500 transition-[width] duration-500 ${clamped === null ? 'w-1/3 animate-pulse' : ''}`}
        style={clamped === null ? undefined : { width: `${clamped}%` }}
      />
    </div>
  );
}
