/**
 * The frame every visitor meets: keyboard navigation with focus and announcements, titles, the
 * skip link, crisis links, Quick exit, the 404 page and what happens when the API fails.
 */
import { QUICK_EXIT_URL, ROUTES, pageTitle } from './site';
import { expect, tabTo, test, visit, waitForApp } from './fixtures';

const IOP = 'Intensive Outpatient Program (IOP)';

test('a keyboard alone reaches the IOP page, and focus and the announcer follow', async ({ page }) => {
  await visit(page, '/');
  const nav = page.getByRole('navigation', { name: 'Main' });

  await tabTo(page, nav.getByRole('link', { name: 'Programs' }));
  await expect(nav.getByRole('link', { name: 'Programs' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/programs$/);
  const programsHeading = page.getByRole('heading', { level: 1, name: 'Our programs' });
  await expect(programsHeading).toBeFocused();
  await expect(page.locator('#route-announcer')).toHaveText('Our programs');

  const iopLink = page.getByRole('main').getByRole('link', { name: IOP });
  await tabTo(page, iopLink);
  await expect(iopLink).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/programs\/iop$/);
  const heading = page.getByRole('heading', { level: 1, name: IOP });
  await expect(heading).toBeFocused();
  const announcer = page.locator('#route-announcer');
  await expect(announcer).toHaveAttribute('role', 'status');
  await expect(announcer).toHaveText(IOP);
  await expect(page).toHaveTitle(pageTitle(IOP));
});

test('every route has its own title', async ({ page }) => {
  const titles: string[] = [];
  for (const route of ROUTES) {
    await visit(page, route.path);
    if (route.heading) {
      await expect(page.getByRole('heading', { level: 1, name: route.heading })).toBeVisible();
    }
    await expect(page, `title of ${route.path}`).toHaveTitle(route.title);
    titles.push(await page.title());
  }
  expect(new Set(titles).size, `titles: ${titles.join(' | ')}`).toBe(titles.length);
});

test('the title follows client-side navigation', async ({ page }) => {
  await visit(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
  await expect(page).toHaveTitle(pageTitle('Our programs'));
  await page.getByRole('main').getByRole('link', { name: IOP }).click();
  await expect(page).toHaveTitle(pageTitle(IOP));
});

test('the skip link is the first stop and moves focus to the main content', async ({ page }) => {
  await visit(page, '/programs');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();

  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  await page.keyboard.press('Tab');
  const focusInMain = await page.evaluate(() => {
    const main = document.getElementById('main');
    return main !== null && main !== document.activeElement && main.contains(document.activeElement);
  });
  expect(focusInMain, 'the next Tab after the skip link lands inside <main>').toBe(true);
});

test('"Get help now" leads to crisis lines that phones can call or text', async ({ page }) => {
  await visit(page, '/programs/iop');
  await page.getByRole('banner').getByRole('link', { name: 'Get help now' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
  await expect(main.getByRole('link', { name: 'Text 988' })).toHaveAttribute('href', 'sms:988');
  await expect(main.getByRole('link', { name: 'Text HOME to 741741' })).toHaveAttribute(
    'href',
    'sms:741741?&body=HOME',
  );
  await expect(main.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
  await expect(main.getByRole('link', { name: 'Call SAMHSA 1-800-662-4357' })).toHaveAttribute(
    'href',
    'tel:18006624357',
  );
  await expect(main).toContainText('988lifeline.org');
});

test('the footer repeats the crisis line on every page', async ({ page }) => {
  for (const path of ['/', '/programs/iop', '/no-such-page']) {
    await visit(page, path);
    await expect(
      page.getByRole('contentinfo').getByRole('link', { name: 'In crisis? Call or text 988' }),
    ).toHaveAttribute('href', 'tel:988');
  }
});

test('Quick exit leaves at once and leaves nothing to go Back to', async ({ page, guard }) => {
  guard.allowNavigationTo(QUICK_EXIT_URL);
  await page.route(QUICK_EXIT_URL, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="en"><head><title>Weather</title><link rel="icon" href="data:,"></head><body><h1>Weather forecast</h1></body></html>',
    }),
  );

  await visit(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
  await page.getByRole('main').getByRole('link', { name: IOP }).click();
  await expect(page.getByRole('heading', { level: 1, name: IOP })).toBeVisible();
  const exitedUrl = page.url();
  const historyBefore = await page.evaluate(() => {
    sessionStorage.setItem('frontdoor-e2e-probe', 'something a visitor did here');
    return history.length;
  });

  await page.getByRole('button', { name: 'Quick exit' }).click();

  await expect(page).toHaveURL(QUICK_EXIT_URL);
  await expect(page.getByRole('heading', { name: 'Weather forecast' })).toBeVisible();
  // The page that was showing was replaced, not left behind in history.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  await page.goBack();
  expect(page.url(), 'Back must not return to the page that was showing').not.toBe(exitedUrl);
  await waitForApp(page);
  await expect(page.getByRole('heading', { level: 1, name: IOP })).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.length), 'session storage is cleared').toBe(0);
});

test('an unknown address shows the 404 page inside the site frame', async ({ page }) => {
  await visit(page, '/this/page/does-not-exist');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle(pageTitle('Page not found'));
  await expect(page.getByRole('banner').getByRole('link', { name: 'Get help now' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link').first()).toBeVisible();
});

test('a failing API shows an error with "Try again", which recovers once the API is back', async ({
  page,
  guard,
}) => {
  guard.allowConsoleError(/status of 500/);
  let apiDown = true;
  let calls = 0;
  await page.route('**/api/v1/programs', (route) => {
    calls += 1;
    if (!apiDown) return route.continue();
    return route.fulfill({
      status: 500,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
    });
  });

  await page.goto('/programs');
  const tryAgain = page.getByRole('button', { name: 'Try again' });
  await expect(tryAgain).toBeVisible();
  await expect(page.getByRole('main')).toContainText("We couldn't load");
  await expect(page.getByRole('main').getByRole('link', { name: IOP })).toHaveCount(0);

  apiDown = false;
  const callsBefore = calls;
  await tryAgain.click();
  await expect(page.getByRole('main').getByRole('link', { name: IOP })).toBeVisible();
  await expect(tryAgain).toHaveCount(0);
  expect(calls).toBeGreaterThan(callsBefore);
});

test('brief overload (503) is retried quietly and the list still appears', async ({ page, guard }) => {
  guard.allowConsoleError(/status of 503/);
  let calls = 0;
  await page.route('**/api/v1/programs', (route) => {
    calls += 1;
    if (calls > 2) return route.continue();
    return route.fulfill({
      status: 503,
      headers: { 'retry-after': '0' },
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503 }),
    });
  });

  await page.goto('/programs');
  await expect(page.getByRole('main').getByRole('link', { name: IOP })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  expect(calls, 'two refusals, then the retry that succeeded').toBeGreaterThanOrEqual(3);
});
