/**
 * Light or dark: the system's setting unless the person chose one. The choice is applied as a
 * `.dark` class on <html> (Tailwind's dark variant). public/theme-init.js repeats the first
 * lines of this before the page paints, so a dark page never flashes white.
 */
export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'hailuo-theme';

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

/** The next choice of the toggle button: system → light → dark → system. */
export function nextPreference(preference: ThemePreference): ThemePreference {
  const index = THEME_PREFERENCES.indexOf(preference);
  return THEME_PREFERENCES[(index + 1) % THEME_PREFERENCES.length] ?? 'system';
}

export function readPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return (THEME_PREFERENCES as readonly string[]).includes(stored ?? '') ? (stored as ThemePreference) : 'system';
  } catch {
    return 'system'; // storage can be blocked (private modes, policies)
  }
}

export function storePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    /* the choice then lasts for this page only */
  }
}

/**
 * Switches the palette in one step. Without the pause, every element with a colour transition
 * fades between the two palettes at its own pace, and for a moment text sits on a background
 * of the other theme (unreadable, and what an accessibility check catches mid-switch).
 */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  const dark = theme === 'dark';
  if (root.classList.contains('dark') === dark) return;
  root.classList.add('theme-switching');
  root.classList.toggle('dark', dark);
  // Layout needs every style, so reading it computes the new colours while transitions are off.
  void document.body.offsetHeight;
  root.classList.remove('theme-switching');
}
