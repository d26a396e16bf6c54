import { useState } from 'react';
import { Icon, type IconName } from '@/components/icons';
import { nextPreference, readPreference, storePreference, type ThemePreference } from '@/lib/theme';
import { useAppliedTheme } from '@/lib/use-applied-theme';
import { useHydrated } from '@/lib/use-hydrated';

const ICONS: Record<ThemePreference, IconName> = { system: 'monitor', light: 'sun', dark: 'moon' };
const NAMES: Record<ThemePreference, string> = { system: 'system', light: 'light', dark: 'dark' };

/** One button: system → light → dark. "System" keeps following the device as it changes. */
export function ThemeToggle() {
  const [chosen, setPreference] = useState<ThemePreference | null>(null);
  const hydrated = useHydrated();
  // The stored choice is read once React has taken over the prerendered page (public/theme-init.js
  // has already applied it); until then the button says only what it is.
  const preference = chosen ?? (hydrated ? readPreference() : null);
  useAppliedTheme(preference);

  const next = nextPreference(preference ?? readPreference());
  return (
    <button
      type="button"
      onClick={() => {
        storePreference(next);
        setPreference(next);
      }}
      aria-label={preference ? `Theme: ${NAMES[preference]}. Switch to ${NAMES[next]}` : 'Theme'}
      title={preference ? `Theme: ${NAMES[preference]}` : 'Theme'}
      className="rounded-lg p-2 text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500 dark:text-slate-200 dark:hover:bg-slate-800"
      data-testid="theme-toggle"
    >
      <Icon name={ICONS[preference ?? 'system']} className="size-5" />
    </button>
  );
}
