/** Screenshots of one state in light and dark, at 1366 and 390 px wide, for a person to look at. */
import type { Page } from '@playwright/test';
import { applyLook } from './a11y';
import { screenshot } from './creator-page';

export const SHOT_LOOKS = [
  { name: 'light-1366', colorScheme: 'light', width: 1366, height: 900 },
  { name: 'dark-1366', colorScheme: 'dark', width: 1366, height: 900 },
  { name: 'light-390', colorScheme: 'light', width: 390, height: 844 },
  { name: 'dark-390', colorScheme: 'dark', width: 390, height: 844 },
] as const;

export async function screenshotLooks(page: Page, name: string, show?: () => Promise<void>): Promise<void> {
  for (const look of SHOT_LOOKS) {
    await applyLook(page, look);
    await show?.();
    await screenshot(page, `${name}-${look.name}`, { fullPage: false });
  }
  await applyLook(page, SHOT_LOOKS[0]);
}
