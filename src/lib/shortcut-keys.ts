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
