/**
 * Feature pages load their code on demand: a first visit downloads only the shell, a feature's
 * module arrives when someone heads for it, and a module that cannot be fetched is explained
 * with a way to try again.
 */
import type { Page, Request } from '@playwright/test';

import { expectNoAxeViolations } from './a11y';
import { expect, tabTo, test, visit } from './fixtures';

const FEATURE_MODULE = /\/feature-[^/]*\.wasm$/;

/** Every feature module the page requests, in order. */
function watchFeatureModules(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (FEATURE_MODULE.test(path)) seen.push(path);
  });
  return seen;
}

test('the home page downloads no feature module until a pointer rests on a link to one', async ({ page }) => {
  const modules = watchFeatureModules(page);
  await visit(page, '/');
  await page.waitForLoadState('networkidle');
  expect(modules, 'feature modules fetched by a first visit').toEqual([]);

  const fetched = page.waitForRequest((request) => /\/feature-split-groups-[^/]*\.wasm$/.test(request.url()));
  await page.getByRole('main').getByRole('link', { name: 'Find a group' }).hover();
  await fetched;
  expect(modules.some((path) => path.includes('self-check')), 'the self-check module stays unfetched').toBe(false);
  expect(modules.some((path) => path.includes('split-call')), 'the call module stays unfetched').toBe(false);

  await page.getByRole('main').getByRole('link', { name: 'Find a group' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a group' })).toBeFocused();
});

test('keyboard focus resting on a link loads its page, which then takes focus', async ({ page }) => {
  await visit(page, '/');
  const callLink = page.getByRole('main').getByRole('link', { name: 'Talk to a care coordinator' });
  const fetched = page.waitForRequest((request) => /\/feature-split-call-[^/]*\.wasm$/.test(request.url()));
  await tabTo(page, callLink);
  await fetched;

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/call$/);
  const heading = page.getByRole('heading', { level: 1, name: 'Book a free call with a care coordinator' });
  await expect(heading).toBeFocused();
  await expect(page.locator('#route-announcer')).toHaveText('Book a free call with a care coordinator');
});

test('landing on a feature page fetches its modules with the app, each once, and shows the page', async ({ page }) => {
  const modules = watchFeatureModules(page);
  await visit(page, '/call');
  await expect(page.getByRole('heading', { level: 1, name: 'Book a free call with a care coordinator' })).toBeVisible();
  // index.html starts these fetches before the app runs; the app's loader then reuses them.
  const preloaded = await page
    .locator('link[rel="preload"][as="fetch"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
  const early = preloaded.filter((path) => FEATURE_MODULE.test(path));
  expect(early.some((path) => path.includes('split-call')), 'the call module is fetched early').toBe(true);
  expect(early.some((path) => path.includes('split-groups')), 'the groups module is not').toBe(false);
  expect([...modules].sort(), 'each module is fetched exactly once').toEqual([...new Set(early)].sort());
});

test('the home page asks for no feature module early', async ({ page }) => {
  await visit(page, '/');
  await expect(page.locator('link[rel="preload"][href*="/feature-"]')).toHaveCount(0);
});

for (const width of [320, 1280]) {
  test(`a feature module that cannot be fetched is explained, and Try again fetches it (${width} px)`, async ({
    openPage,
    guard,
  }) => {
    // The blocked fetch is reported on the console by the browser and by the module loader.
    guard.allowConsoleError(/Failed to load resource|Failed to fetch|ERR_FAILED/i);
    const page = await openPage({ viewport: { width, height: width === 320 ? 640 : 800 } });
    await visit(page, '/');
    await page.route(FEATURE_MODULE, (route) => route.abort('internetdisconnected'));

    await page.getByRole('main').getByRole('link', { name: 'Check if IOP is right for you' }).click();
    await expect(page).toHaveURL(/\/self-check$/);
    const failed = page.getByRole('heading', { level: 1, name: 'This page could not load' });
    await expect(failed).toBeFocused();
    await expect(page.locator('#route-announcer')).toHaveText('This page could not load');
    await expect(page.getByRole('alert')).toContainText('lost its connection');
    await expect(page.getByRole('link', { name: /988/ }).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.unroute(FEATURE_MODULE);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'This page could not load' })).toHaveCount(0);
    // Focus moves from the vanished button to the self-check's own heading.
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  });
}

test('after a failed fetch, "Reload the page" starts the current version of the site on the same page', async ({
  page,
  guard,
}) => {
  guard.allowConsoleError(/Failed to load resource|Failed to fetch|ERR_FAILED/i);
  await visit(page, '/');
  await page.route(FEATURE_MODULE, (route) => route.abort('internetdisconnected'));
  await page.getByRole('main').getByRole('link', { name: 'Find a group' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'This page could not load' })).toBeFocused();

  await page.unroute(FEATURE_MODULE);
  await page.getByRole('button', { name: 'Reload the page' }).click();
  await expect(page).toHaveURL(/\/groups$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Find a group' })).toBeVisible();
});
