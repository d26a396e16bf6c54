/** Layout checks shared by the specs: the page never wider than the screen, no control cut off. */
import { expect, type Page } from '@playwright/test';

/**
 * The page is no wider than the viewport, and every visible control (button, link, field) lies
 * inside it, unless it sits in a box meant to scroll sideways (a wide table, a code block).
 */
export async function expectNoSideways(page: Page, where: string): Promise<void> {
  const report = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollsSideways = (element: Element) => {
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const { overflowX } = getComputedStyle(node);
        if ((overflowX === 'auto' || overflowX === 'scroll') && node.scrollWidth > node.clientWidth) return true;
      }
      return false;
    };
    const cut = [
      ...document.querySelectorAll(
        'main button, main a, main input, main select, header button, header a, header input',
      ),
    ]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || element.closest('.sr-only')) return false;
        return (box.left < -1 || box.right > width + 1) && !scrollsSideways(element);
      })
      .map(
        (element) =>
          `${element.tagName.toLowerCase()} “${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 40)}” at ${Math.round(element.getBoundingClientRect().left)}–${Math.round(element.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, cut };
  });
  expect.soft(report.scrollWidth, `${where}: the page's width`).toBeLessThanOrEqual(report.width);
  expect.soft(report.cut, `${where}: controls outside the screen`).toEqual([]);
}
