/** Accessibility checks shared by the specs: axe, the looks a page is checked in, focus, announcements. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every rule up to WCAG 2.2 AA; a failure lists each rule with the elements that break it. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = results.violations.map(
    (v) => `${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary}`).join(' | ')}`,
  );
  expect(found, `axe on ${where}`).toEqual([]);
}

export interface Look {
  name: string;
  colorScheme: 'light' | 'dark';
  width: number;
  height: number;
}

export const LOOKS: readonly Look[] = [
  { name: 'light desktop', colorScheme: 'light', width: 1280, height: 800 },
  { name: 'dark desktop', colorScheme: 'dark', width: 1280, height: 800 },
  { name: 'light 360 px', colorScheme: 'light', width: 360, height: 780 },
  { name: 'dark 360 px', colorScheme: 'dark', width: 360, height: 780 },
];

/** Puts the page in a look: the system colour scheme (the app follows it) and the viewport. */
export async function applyLook(page: Page, look: Look): Promise<void> {
  await page.setViewportSize({ width: look.width, height: look.height });
  await page.emulateMedia({ colorScheme: look.colorScheme, reducedMotion: 'reduce' });
  await expect(page.locator('html')).toHaveClass(look.colorScheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/);
}

/** A page (or dialog) checked by axe in every look; `open` brings it to the state to check. */
export async function expectAccessibleInEveryLook(
  page: Page,
  where: string,
  open: (look: Look) => Promise<void>,
): Promise<void> {
  for (const look of LOOKS) {
    await applyLook(page, look);
    await open(look);
    await expectNoAxeViolations(page, `${where}, ${look.name}`);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${where}, ${look.name}: no sideways scrolling`,
    ).toBeLessThanOrEqual(look.width);
  }
}

/**
 * The focused element shows where focus is: an outline on it (or, for the visually hidden
 * radios drawn as cards, on the card that holds it). A box-shadow ring counts too.
 */
export async function expectFocusVisible(page: Page): Promise<void> {
  const report = await page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { ok: false, what: 'nothing is focused' };
    const shown = (element: Element) => {
      const style = getComputedStyle(element);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outline || style.boxShadow.includes('rgb');
    };
    const what = `${location.pathname}: ${active.outerHTML.slice(0, 240)}`;
    const holder = active.closest('label');
    return { ok: shown(active) || (holder !== null && shown(holder)), what };
  });
  expect(report.ok, `focus ring on ${report.what}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has focus, checking every stop shows its focus. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    await expectFocusVisible(page);
  }
  await expect(target, `reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}

/**
 * Records, from the first script on, every text that appears in a live region (aria-live,
 * role=status or role=alert): what a screen reader would be told. Read it with `announcements`.
 */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { __announcements: string[] }).__announcements = heard;
    const liveRegion = (node: Node | null): Element | null => {
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      return element?.closest('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"]') ?? null;
    };
    const hear = (text: string | null) => {
      const said = (text ?? '').replace(/\s+/g, ' ').trim();
      if (said && heard[heard.length - 1] !== said) heard.push(said);
    };
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const region = liveRegion(mutation.target);
        if (mutation.type === 'characterData') hear(region ? region.textContent : null);
        // An addition to a live region is read out as what was added.
        else if (region) mutation.addedNodes.forEach((node) => hear(node.textContent));
        // An alert is read out when it appears, wherever it is put.
        else
          mutation.addedNodes.forEach((node) => {
            if (node instanceof Element) node.querySelectorAll('[role="alert"]').forEach((a) => hear(a.textContent));
            if (node instanceof Element && node.matches('[role="alert"]')) hear(node.textContent);
          });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

export async function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __announcements: string[] }).__announcements);
}
