import { useState } from 'react';
import { Icon, type IconName } from '@/components/icons';
import { nextPreference, readPreference, storePreference, type ThemePreference } from '@/lib/theme';
import { useAppliedTheme } from '@/lib/use-applied-theme';

const ICONS: Record<ThemePreference, IconName> = { system: 'monitor', light: 'sun', dark: 'moon' };
const NAMES: Record<ThemePreference, string> = { system: 'system', light: 'light', dark: 'dark' };

/** One button: system → light → dark. "System" keeps following the device as it changes. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>(readPreference);
  useAppliedTheme(preference);

  const next = nextPreference(preference);
  return (
    <button
      type="button"
      onClick={() => {
        storePreference(next);
        setPreference(next);
      }}
      aria-label={`Theme: ${NAMES[preference]}. Switch to ${NAMES[next]}`}
      title={`Theme: ${NAMES[preference]}`}
      className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-200 dark:hover:bg-slate-800"
      data-testid="theme-toggle"
    >
      <Icon name={ICONS[preference]} className="size-5" />
    </button>
  );
}
