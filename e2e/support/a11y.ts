/**
 * Checks every page journey runs where a person would use the page: axe finds
 * no serious or critical WCAG 2.1 AA violation, and nothing scrolls sideways
 * on a 360-pixel phone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe (WCAG 2.0 and 2.1, levels A and AA) finds no serious or critical violation. */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact ?? ''}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${label}`).toEqual([]);
}

/**
 * Nothing scrolls sideways on a 360-pixel phone (then back to the previous
 * size). Charts follow a new width a frame or two later (a ResizeObserver),
 * so the width is asked until it settles; what still sticks out is named:
 * the innermost elements past the screen's edge, outside any scrolling box.
 */
export async function expectFitsPhone(page: Page, label: string): Promise<void> {
  const size = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = () =>
    page.evaluate((width) => {
      const scrollWidth = document.documentElement.scrollWidth;
      if (scrollWidth <= width) return [];
      const clipped = (e: Element | null): boolean =>
        e !== null &&
        e !== document.body &&
        (getComputedStyle(e).overflowX !== 'visible' || clipped(e.parentElement));
      const wide = [...document.body.querySelectorAll('*')]
        .filter((e) => e.children.length === 0 && e.getBoundingClientRect().right > width + 1)
        .filter((e) => !clipped(e.parentElement))
        .slice(0, 5)
        .map(
          (e) =>
            `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> ${e.textContent.slice(0, 40)}`,
        );
      return [`scrollWidth ${String(scrollWidth)}`, ...wide];
    }, 360);
  await expect.poll(overflow, { message: `horizontal scroll on ${label}` }).toEqual([]);
  if (size) await page.setViewportSize(size);
}
