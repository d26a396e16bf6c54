import { MODE_LABELS } from '@/lib/mode-labels';
import { MODES, type Mode } from '@/shared/pricing';

interface ModeSelectProps {
  id: string;
  /** null: every mode. */
  value: Mode | null;
  onChange: (mode: Mode | null) => void;
  className: string;
}

/** The "All modes / Standard / Pro" filter of the gallery and the support list. */
export function ModeSelect({ id, value, onChange, className }: ModeSelectProps) {
  return (
    <select
      id={id}
      value={value ?? ''}
      onChange={(event) => onChange((event.target.value || null) as Mode | null)}
      className={className}
    >
      <option value="">All modes</option>
      {MODES.map((mode) => (
        <option key={mode} value={mode}>
          {MODE_LABELS[mode]}
        </option>
      ))}
    </select>
  );
}
