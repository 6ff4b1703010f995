/**
 * Finding a group: search-as-you-type that forgives typos, filters that live in the URL (so a
 * reload and Back keep them), a result count read out politely, times on the reader's own clock,
 * the nearest groups when nothing matches, a group's page, and a full group's waitlist.
 *
 * Nothing here reserves a seat. The waitlist test joins the waitlist of a group that starts full
 * (cbt-low-mood-thursday), which no other spec uses.
 */
import type { Locator, Page } from '@playwright/test';

import { expectNoAxeViolations } from './a11y';
import { expect, test, visit } from './fixtures';
import { pageTitle } from './site';

/** The search box, by its label. */
function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search groups' });
}

/** The polite result count. */
function resultCount(page: Page) {
  return page.getByRole('main').getByRole('status').filter({ hasText: /match/ });
}

/** The names of the groups listed as results, in order. */
function resultTitles(page: Page) {
  return page.locator('.group-search__results > .group-list > li h2');
}

test('a typo still finds the right group, updating with every keystroke', async ({ page }) => {
  await visit(page, '/groups');
  await expect(page).toHaveTitle(pageTitle('Find a group'));
  await expect(resultCount(page)).toHaveText(/^\d+ groups match$/);
  const all = Number((await resultCount(page).textContent())?.split(' ')[0]);

  await searchBox(page).pressSequentially('anxeity', { delay: 30 });
  await expect(page).toHaveURL(/\/groups\?q=anxeity$/);
  await expect(resultCount(page)).toHaveText(/^\d+ groups? match(es)?$/);
  const found = Number((await resultCount(page).textContent())?.split(' ')[0]);
  expect(found).toBeGreaterThan(0);
  expect(found).toBeLessThan(all);
  await expect(resultTitles(page).first()).toHaveText(/Anxiety/);
  await expect(
    page.getByRole('link', { name: 'Anxiety & Depression Support Group' }),
  ).toBeVisible();
  // Focus stays in the box while the list changes under it.
  await expect(searchBox(page)).toBeFocused();

  await searchBox(page).fill('grefe');
  await expect(resultTitles(page).first()).toHaveText(/Grie/);
});

test('filters update the URL and survive a reload', async ({ page }) => {
  await visit(page, '/groups');
  await page.getByLabel('Topic').selectOption({ label: 'Grief & Loss' });
  await expect(page).toHaveURL(/[?&]topic=grief-loss(&|$)/);
  await page.getByLabel('Only groups with seats left').check();
  await expect(page).toHaveURL(/\/groups\?topic=grief-loss&seats=1$/);
  const titles = await resultTitles(page).allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  await expect(resultCount(page)).toHaveText(titles.length === 1 ? '1 group matches' : `${titles.length} groups match`);

  await page.reload();
  await expect(page.getByLabel('Topic')).toHaveValue('grief-loss');
  await expect(page.getByLabel('Only groups with seats left')).toBeChecked();
  await expect(resultTitles(page)).toHaveText(titles);
});

test('Back restores the previous filter, and typing adds no history', async ({ page }) => {
  await visit(page, '/groups');
  await page.getByLabel('Who it’s for').selectOption({ label: 'Adults' });
  await expect(page).toHaveURL(/\/groups\?audience=adult$/);
  await page.getByLabel('Topic').selectOption({ label: 'Parenting' });
  await expect(page).toHaveURL(/\/groups\?topic=parenting&audience=adult$/);
  await searchBox(page).pressSequentially('teen', { delay: 20 });
  await expect(page).toHaveURL(/\/groups\?q=teen&topic=parenting&audience=adult$/);
  await expect(resultTitles(page).first()).toHaveText('Parenting Teenagers');

  // Typing replaced the entry, so one step Back undoes the topic, not a letter.
  await page.goBack();
  await expect(page).toHaveURL(/\/groups\?audience=adult$/);
  await expect(page.getByLabel('Topic')).toHaveValue('');
  await expect(page.getByLabel('Who it’s for')).toHaveValue('adult');
  await expect(searchBox(page)).toHaveValue('');
  await page.goForward();
  await expect(page.getByLabel('Topic')).toHaveValue('parenting');
  await expect(searchBox(page)).toHaveValue('teen');
});

test('times are on the reader’s own clock, with the group’s beside them', async ({ openPage }) => {
  const newYork = await openPage({ timezoneId: 'America/New_York', locale: 'en-US' });
  await visit(newYork, '/groups?q=grief');
  const card = newYork.locator('.group-card', { hasText: 'Grief & Loss Support Circle' });
  await expect(card).toContainText('Tuesdays 9:00 PM your time (6:00 PM in Los Angeles)');

  const london = await openPage({ timezoneId: 'Europe/London', locale: 'en-GB' });
  await visit(london, '/groups?q=grief');
  const ukCard = london.locator('.group-card', { hasText: 'Grief & Loss Support Circle' });
  await expect(ukCard).toContainText('Wednesdays 02:00 your time (Tuesdays 18:00 in Los Angeles)');
  // "Evening" means the reader's evening: this group meets at 02:00 in London.
  await london.getByLabel('Time of day').selectOption('evening');
  await expect(resultCount(london)).toHaveText('No groups match');
  await expect(resultTitles(london)).toHaveCount(0);
});

test('when nothing matches, the nearest groups and a coordinator are offered', async ({ page }) => {
  await visit(page, '/groups');
  await searchBox(page).fill('grief');
  await page.getByLabel('Day', { exact: true }).selectOption('monday');
  await expect(resultCount(page)).toHaveText('No groups match');
  const nearest = page.getByRole('region', { name: 'Groups that come close' });
  await expect(nearest).toContainText('Without the day filter');
  await expect(nearest.getByRole('link', { name: /Grie/ }).first()).toBeVisible();
  const call = page.getByRole('link', { name: 'Talk to a care coordinator' });
  await expect(call).toHaveAttribute('href', '/call');
  await expectNoAxeViolations(page);
});

test('a result leads to the group’s page, and it to the reservation', async ({ page }) => {
  await visit(page, '/groups?q=self-compassion');
  await page.getByRole('link', { name: 'Self-Compassion Practice' }).click();
  await expect(page).toHaveURL(/\/groups\/self-compassion-friday$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toContainText('Self-Compassion Practice');
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(pageTitle('Self-Compassion Practice'));
  await expect(page.getByText(/seats left/)).toBeVisible();
  await expect(page.locator('.session-list li')).toHaveCount(4);
  await expect(page.getByRole('link', { name: 'Reserve a seat' })).toHaveAttribute(
    'href',
    '/groups/self-compassion-friday/reserve/session',
  );
});

test('an unknown group is “Page not found”', async ({ page, guard }) => {
  guard.allowConsoleError(/status of 404/);
  await visit(page, '/groups/no-such-group');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('a full group offers its waitlist and says where you are in line', async ({ page }) => {
  await visit(page, '/groups/cbt-low-mood-thursday');
  await expect(page.getByText('Full — join the waitlist')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Reserve a seat' })).toHaveCount(0);
  const waitlist = page.getByRole('region', { name: 'Join the waitlist' });

  await waitlist.getByRole('button', { name: 'Join the waitlist' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter your name or an alias' })).toBeVisible();
  await expect(page).toHaveTitle(pageTitle('Error: CBT for Low Mood'));

  await waitlist.getByLabel('Your name or an alias').fill('Robin');
  await waitlist.getByLabel('Email address').fill('robin@example.org');
  await waitlist.getByRole('button', { name: 'Join the waitlist' }).click();
  await expect(waitlist).toContainText(/You are number \d+ on the waitlist/);
  await expect(waitlist).toContainText(/WL-/);
  await expect(page).toHaveTitle(pageTitle('CBT for Low Mood'));

  await page.reload();
  await expect(page.getByRole('region', { name: 'Join the waitlist' })).toContainText(
    /You are number \d+ on the waitlist/,
  );
  await expect(page.getByRole('button', { name: 'Join the waitlist' })).toHaveCount(0);
});

/** The summary that folds the filters away on a phone. */
const filtersSummary = (page: Page): Locator => page.locator('summary', { hasText: 'Filter groups' });

test('on a phone the filters fold away under a summary that counts the chosen ones', async ({ openPage }) => {
  const page = await openPage({ viewport: { width: 375, height: 740 } });
  await visit(page, '/groups');
  const topic = page.getByLabel('Topic');
  await expect(topic).toBeHidden();
  await expect(resultCount(page)).toBeInViewport();

  await filtersSummary(page).focus();
  await page.keyboard.press('Enter');
  await expect(topic).toBeVisible();
  await topic.selectOption({ label: 'Trauma & PTSD' });
  await expect(filtersSummary(page)).toHaveText('Filter groups (1 chosen)');

  // An address that already filters starts with the filters open.
  await visit(page, '/groups?topic=grief-loss');
  await expect(page.getByLabel('Topic')).toBeVisible();
  await expect(filtersSummary(page)).toHaveText('Filter groups (1 chosen)');
});

for (const size of [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
]) {
  test(`search, results and group pages have no axe violations at ${size.width} px`, async ({ openPage }) => {
    // Four full-page axe runs on a shared, busy machine.
    test.setTimeout(120_000);
    const page = await openPage({ viewport: size });
    await visit(page, '/groups');
    await expectNoAxeViolations(page);
    if (size.width < 640) await filtersSummary(page).click();
    await page.getByLabel('Topic').selectOption({ label: 'Trauma & PTSD' });
    await searchBox(page).fill('trau');
    await expect(resultCount(page)).toHaveText(/match/);
    await expectNoAxeViolations(page);
    await visit(page, '/groups/trauma-ptsd-tuesday-evening');
    await expectNoAxeViolations(page);
    await visit(page, '/groups/narcissistic-abuse-thursday');
    await expect(page.getByRole('region', { name: 'Join the waitlist' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
