import { useEffect } from 'react';
import { applyTheme, resolveTheme, type ThemePreference } from './theme';

/** Keeps the page's theme on `preference`; "system" follows the device as it changes; null leaves it as it is. */
export function useAppliedTheme(preference: ThemePreference | null): void {
  useEffect(() => {
    if (preference === null) return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => applyTheme(resolveTheme(preference, media.matches));
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [preference]);
}
