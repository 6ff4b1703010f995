/**
 * Every route, on a small phone and on a laptop: no axe violation (WCAG 2.2 AA), no sideways
 * scrolling at 320 px, and "Get help now" in view in the header.
 */
import { expectNoAxeViolations } from './a11y';
import { expect, test, waitForApp } from './fixtures';
import { ROUTES } from './site';

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
];

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    for (const route of ROUTES) {
      test(`${route.path} passes axe`, async ({ openPage }) => {
        const page = await openPage({ viewport });
        await page.goto(route.path);
        await waitForApp(page);
        if (route.heading) {
          await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
        }

        await expect(page.getByRole('banner').getByRole('link', { name: 'Get help now' })).toBeInViewport();
        if (viewport.width === 320) {
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth, 'page scrolls sideways at 320 px').toBeLessThanOrEqual(320);
        }
        await expectNoAxeViolations(page);
      });
    }
  });
}
