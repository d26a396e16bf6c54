import { useHydrated } from '@/lib/use-hydrated';

/**
 * Shortcuts are written the way the person's keyboard labels them: ⌘ on Apple devices, Ctrl
 * elsewhere (the handlers accept both).
 */
export function modifierKeyLabel(): string {
  if (typeof navigator === 'undefined') return 'Ctrl';
  const hints = navigator as Navigator & { userAgentData?: { platform?: string } };
  const platform = hints.userAgentData?.platform ?? navigator.platform ?? '';
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}

/** The label for a component: Ctrl in the prerendered page and until React has taken it over, then the device's. */
export function useModifierKeyLabel(): string {
  return useHydrated() ? modifierKeyLabel() : 'Ctrl';
}
