/**
 * Booking a free call with a care coordinator, as a person meets it: by keyboard alone to the
 * confirmation; times listed on the reader's own clock (the same instants whatever the zone);
 * the self-check summary sent only when the opt-in is ticked, and then exactly as shown; a slot
 * taken meanwhile offering the nearest times with the details kept; the draft surviving a reload
 * without the note; asking for other times; rescheduling and cancelling from the manage link;
 * and axe on every step on a small phone and a laptop.
 *
 * The suite shares one server and database with two workers, so each test books on its own day
 * (by position in the list of days) and no two tests reach for the same slot.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { APIRequestContext, Locator, Page } from '@playwright/test';

import { expectNoAxeViolations } from './a11y';
import { expect, tabTo, test, visit } from './fixtures';
import { pageTitle } from './site';

const ZONE = 'America/New_York';
test.use({ timezoneId: ZONE, locale: 'en-US' });

/** Which day (by position in the list) each test books on, so parallel tests never collide. */
const DAY = {
  keyboard: 1,
  unticked: 2,
  ticked: 3,
  manage: 4,
  manageMoveTo: 5,
  taken: 6,
  axeSmall: 7,
  axeLarge: 9,
  reload: 11,
  zones: 12,
  retry: 13,
  confirmed: 8,
  confirmedMoveTo: 10,
} as const;

const TAKEN_HEADING = 'That time was just taken — these are the nearest free times';

const main = (page: Page): Locator => page.getByRole('main');
const h1 = (page: Page): Locator => main(page).getByRole('heading', { level: 1 });
const dayButtons = (page: Page): Locator => main(page).getByRole('button', { name: /times? free$/ });
const timeButtons = (page: Page): Locator => main(page).locator('button[data-start]');

interface Person {
  name: string;
  email: string;
  note?: string;
}

const SAM: Person = { name: 'Sam Rivera', email: 'sam@example.org' };

/** Opens `/call`, picks the `day`th day and its `time`th time; returns the slot's start. */
async function chooseSlot(page: Page, day: number, time = 0): Promise<string> {
  await visit(page, '/call');
  await dayButtons(page).nth(day).click();
  await expect(h1(page)).toHaveText(/^Choose a time on /);
  const button = timeButtons(page).nth(time);
  const start = await button.getAttribute('data-start');
  if (!start) throw new Error('a time button without data-start');
  await button.click();
  await expect(h1(page)).toHaveText('Your details');
  return start;
}

/** Fills the details step with the mouse and continues to "Check your answers". */
async function giveDetails(page: Page, person: Person): Promise<void> {
  await main(page).getByLabel('Video call: we send you a link').check();
  await main(page).getByLabel('Your name').fill(person.name);
  await main(page).getByLabel('Email address').fill(person.email);
  if (person.note) {
    await main(page).getByLabel('Anything you would like the coordinator to know before the call').fill(person.note);
  }
  await main(page).getByRole('button', { name: 'Continue' }).click();
  await expect(h1(page)).toHaveText('Check your answers before booking');
}

interface Booked {
  body: Record<string, unknown>;
  reference: string;
  manageHref: string;
}

/** Presses "Confirm booking" and returns the request body sent and what the page confirms. */
async function confirm(page: Page): Promise<Booked> {
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/calls');
  await main(page).getByRole('button', { name: 'Confirm booking' }).click();
  const body = (await sent).postDataJSON() as Record<string, unknown>;
  await expect(h1(page)).toHaveText('Your call is booked');
  const reference = ((await main(page).locator('.panel .reference').textContent()) ?? '').trim();
  const manageHref = (await main(page).getByRole('link', { name: 'View, change or cancel your call' }).getAttribute('href')) ?? '';
  return { body, reference, manageHref };
}

/** Books `start` directly through the API, as another person would. */
async function bookThroughApi(request: APIRequestContext, start: string): Promise<void> {
  const response = await request.post('/api/v1/calls', {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      slot_start: start,
      name: 'Someone else',
      email: 'other@example.org',
      time_zone: 'Europe/London',
      contact_method: 'phone',
      phone: '+44 20 7946 0958',
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

test('a keyboard alone books a call, and the confirmation replaces the review in history', async ({ page }) => {
  await visit(page, '/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await tabTo(page, nav.getByRole('link', { name: 'Talk to a coordinator' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/call$/);
  await expect(h1(page)).toBeFocused();
  await expect(page).toHaveTitle(pageTitle('Talk to a coordinator: choose a day'));

  const day = dayButtons(page).nth(DAY.keyboard);
  await tabTo(page, day, 80);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/call\/time$/);
  await expect(h1(page)).toBeFocused();
  await expect(h1(page)).toHaveText(/^Choose a time on /);

  const time = timeButtons(page).first();
  const start = (await time.getAttribute('data-start')) ?? '';
  const name = ((await time.textContent()) ?? '').trim();
  expect(name, 'the time button names weekday, date and time').toMatch(
    /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), [A-Z][a-z]+ \d{1,2}, \d{1,2}:\d{2} (AM|PM)$/,
  );
  await tabTo(page, time, 80);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/call\/details$/);
  await expect(h1(page)).toBeFocused();
  await expect(main(page)).toContainText(name);

  // Phone or video: Tab reaches the first radio, an arrow key moves to and picks the next.
  await tabTo(page, main(page).getByLabel('Phone call: the coordinator calls you'));
  await page.keyboard.press('ArrowDown');
  await expect(main(page).getByLabel('Video call: we send you a link')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(main(page).getByLabel('Your name')).toBeFocused();
  await page.keyboard.type(SAM.name);
  await page.keyboard.press('Tab');
  await expect(main(page).getByLabel('Email address')).toBeFocused();
  await page.keyboard.type(SAM.email);
  await tabTo(page, main(page).getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/call\/review$/);
  await expect(h1(page)).toBeFocused();
  await expect(main(page)).toContainText(SAM.name);
  await expect(main(page)).toContainText(SAM.email);
  const historyAtReview = await page.evaluate(() => history.length);
  const sent = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/calls');
  await tabTo(page, main(page).getByRole('button', { name: 'Confirm booking' }));
  await page.keyboard.press('Enter');

  const request = await sent;
  expect(request.headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
  expect(request.postDataJSON()).toMatchObject({ slot_start: start, time_zone: ZONE, contact_method: 'video' });
  await expect(page).toHaveURL(/\/call\/confirmed$/);
  await expect(h1(page)).toHaveText('Your call is booked');
  await expect(h1(page)).toBeFocused();
  expect(await page.evaluate(() => history.length), 'the confirmation replaced the review').toBe(historyAtReview);
  const reference = ((await main(page).locator('.panel .reference').textContent()) ?? '').trim();
  expect(reference).toMatch(/^FC-/);
  await expect(main(page)).toContainText(', New York time (America/New_York)');

  const manage = main(page).getByRole('link', { name: 'View, change or cancel your call' });
  await expect(manage).toHaveAttribute('href', new RegExp(`^/calls/${reference}#token=[A-Za-z0-9_-]{20,}$`));

  const calendar = main(page).getByRole('link', { name: 'Add to calendar' });
  await expect(calendar).toHaveAttribute('download', 'coordinator-call.ics');
  const download = page.waitForEvent('download');
  await calendar.click();
  const file = await (await download).path();
  const ics = await readFile(file, 'utf8');
  const utc = start.replace(/[-:]/g, '');
  expect(ics).toContain(`DTSTART:${utc}`);
  expect(ics).toContain(reference);

  // The draft is gone: starting again shows an empty form.
  expect(await page.evaluate(() => sessionStorage.getItem('frontdoor.call-draft'))).toBeNull();
});

/** Formats `instant` on the clock of `timeZone` the way the booking page names a slot. */
function slotName(instant: string, timeZone: string, locale: string): string {
  const date = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', month: 'long', day: 'numeric' }).format(
    new Date(instant),
  );
  // A 24-hour clock writes hours with two digits ("01:40"), a 12-hour one does not ("1:40 AM").
  const hour12 = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12;
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: hour12 ? 'numeric' : '2-digit', minute: '2-digit' })
    .format(new Date(instant))
    .replace(/\s/g, ' ');
  return `${date}, ${time}`;
}

/** Local date (YYYY-MM-DD) of `instant` in `timeZone`. */
function localDate(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );
}

async function totalFreeTimes(page: Page): Promise<number> {
  const counts = await dayButtons(page).evaluateAll((buttons) =>
    buttons.map((b) => Number(/^(\d+) times? free$/.exec(b.querySelector('.slot-button__detail')?.textContent ?? '')?.[1])),
  );
  expect(counts.every((n) => n > 0), `counts: ${counts}`).toBe(true);
  return counts.reduce((a, b) => a + b, 0);
}

test('Sydney and New York see the same instants, each on their own clock', async ({ openPage }) => {
  const newYork = await openPage({ timezoneId: 'America/New_York', locale: 'en-US' });
  const sydney = await openPage({ timezoneId: 'Australia/Sydney', locale: 'en-GB' });
  await visit(newYork, '/call');
  await visit(sydney, '/call');
  await expect(main(newYork)).toContainText('Times are shown in New York time (America/New_York).');
  await expect(main(sydney)).toContainText('Times are shown in Sydney time (Australia/Sydney).');
  await expect(main(sydney).getByLabel('Change time zone')).toHaveValue('Australia/Sydney');

  // Open a day in New York and read its instants and names.
  await dayButtons(newYork).nth(DAY.zones).click();
  const nyTimes = await timeButtons(newYork).evaluateAll((buttons) =>
    buttons.map((b) => ({ start: b.getAttribute('data-start') ?? '', name: (b.textContent ?? '').trim() })),
  );
  expect(nyTimes.length).toBeGreaterThan(0);
  for (const { start, name } of nyTimes) {
    expect(name).toBe(slotName(start, 'America/New_York', 'en-US'));
  }

  // Each of those instants is offered in Sydney too, on its Sydney day, named on a 24-hour clock.
  for (const { start } of nyTimes) {
    await visit(sydney, '/call');
    await main(sydney).locator(`button[data-date="${localDate(start, 'Australia/Sydney')}"]`).click();
    const button = main(sydney).locator(`button[data-start="${start}"]`);
    await expect(button).toHaveText(slotName(start, 'Australia/Sydney', 'en-GB'));
    expect((await button.textContent()) ?? '').toMatch(/, \d{2}:\d{2}$/);
  }

  // Over the whole horizon both list the same number of free times (read again if another test
  // booked one between the two readings).
  await expect
    .poll(async () => {
      await Promise.all([visit(newYork, '/call'), visit(sydney, '/call')]);
      const [ny, syd] = await Promise.all([totalFreeTimes(newYork), totalFreeTimes(sydney)]);
      return ny > 0 && ny === syd;
    })
    .toBe(true);

  // Changing the zone re-labels the same instants.
  await main(newYork).getByLabel('Change time zone').selectOption('Australia/Sydney');
  await expect(main(newYork)).toContainText('Times are shown in Sydney time (Australia/Sydney).');
  await main(newYork).locator(`button[data-date="${localDate(nyTimes[0].start, 'Australia/Sydney')}"]`).click();
  await expect(main(newYork).locator(`button[data-start="${nyTimes[0].start}"]`)).toHaveText(
    slotName(nyTimes[0].start, 'Australia/Sydney', 'en-US'),
  );
});

/** A short self-check answered for someone else, ending on its result page. */
const SELF_CHECK: [RegExp, string[]][] = [
  [/Who are you looking for help for\?/, ['For someone I care about']],
  [/What are you worried about for them\?/, ['Grief or loss']],
  [/thoughts of ending/, ['No']],
  [/What help are/, ['None at the moment']],
  [/getting in the way of/, ['A little']],
  [/people at home or nearby/, ['Yes, good support']],
  [/3 hours, 3 days a week/, ['Yes']],
  [/Which times would suit/, ['Evenings']],
];

async function completeSelfCheck(page: Page): Promise<void> {
  await visit(page, '/self-check');
  await main(page).getByRole('button', { name: 'Start now' }).click();
  for (let step = 0; step < 20; step++) {
    const heading = ((await h1(page).textContent()) ?? '').trim();
    if (heading === 'Check your answers') {
      await main(page).getByRole('button', { name: 'See my result' }).click();
      await expect(h1(page)).toHaveText('A weekly group or individual therapy may be enough');
      return;
    }
    const answer = SELF_CHECK.find(([question]) => question.test(heading));
    if (!answer) throw new Error(`no answer for the self-check question: ${heading}`);
    for (const label of answer[1]) await main(page).getByLabel(label, { exact: true }).check();
    await main(page).getByRole('button', { name: 'Continue' }).click();
    await expect(h1(page)).not.toHaveText(heading);
  }
  throw new Error('the self-check did not end');
}

/** From a self-check result to the details step without reloading (the summary is in memory). */
async function bookAfterSelfCheck(page: Page, day: number): Promise<void> {
  await completeSelfCheck(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Talk to a coordinator' }).click();
  await expect(h1(page)).toHaveText('Book a free call with a care coordinator');
  await dayButtons(page).nth(day).click();
  await timeButtons(page).first().click();
  await expect(h1(page)).toHaveText('Your details');
}

test('without the opt-in no summary is sent, though one exists', async ({ page }) => {
  await bookAfterSelfCheck(page, DAY.unticked);
  const optIn = main(page).getByLabel('Share my self-check summary with the coordinator');
  await expect(optIn).toBeVisible();
  await expect(optIn, 'unticked by default').not.toBeChecked();
  await giveDetails(page, SAM);
  await expect(main(page)).toContainText('Not shared');
  const { body } = await confirm(page);
  expect(Object.keys(body)).not.toContain('self_check_summary');
  const text = JSON.stringify(body);
  for (const answer of ['Grief', 'Evenings', 'someone_else', 'weekly']) {
    expect(text, `"${answer}" from the self-check left the device`).not.toContain(answer);
  }
});

test('with the opt-in the summary is sent exactly as shown', async ({ page }) => {
  await bookAfterSelfCheck(page, DAY.ticked);
  const preview = main(page).getByTestId('share-preview');
  await expect(preview).toContainText('Result: A weekly group or individual therapy may be enough');
  const lines = await preview.locator('li').allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  const topics = ((await preview.locator('p', { hasText: /^Topics: / }).textContent()) ?? '')
    .replace(/^Topics: /, '')
    .split(', ');
  await main(page).getByLabel('Share my self-check summary with the coordinator').check();
  await giveDetails(page, SAM);
  await expect(main(page)).toContainText('Shared with the coordinator');
  const { body } = await confirm(page);
  const summary = body.self_check_summary as Record<string, unknown>;
  expect(Object.keys(summary).sort()).toEqual(['level_of_care', 'lines', 'question_set_version', 'topics']);
  expect(summary.level_of_care).toBe('weekly_care');
  expect(summary.lines).toEqual(lines.map((l) => l.trim()));
  expect(summary.topics).toEqual(topics);
  expect(summary.topics).toEqual(['Grief or loss']);
});

test('without a self-check there is no opt-in at all', async ({ page }) => {
  await chooseSlot(page, DAY.reload, 1);
  await expect(main(page).getByRole('checkbox')).toHaveCount(0);
  await expect(main(page)).not.toContainText('self-check summary');
});

test('a time taken meanwhile offers the nearest free times and keeps every detail', async ({
  page,
  request,
  guard,
}) => {
  // The browser logs the 409 this test provokes.
  guard.allowConsoleError(/status of 409/);
  const start = await chooseSlot(page, DAY.taken);
  await giveDetails(page, { ...SAM, note: 'Mornings are easier for me' });
  await bookThroughApi(request, start);

  await main(page).getByRole('button', { name: 'Confirm booking' }).click();
  const taken = main(page).getByRole('alert').filter({ hasText: TAKEN_HEADING });
  await expect(taken.getByRole('heading', { name: TAKEN_HEADING })).toBeFocused();
  const nearest = taken.locator('button[data-start]');
  expect(await nearest.count()).toBeGreaterThan(0);
  await expect(taken.locator(`button[data-start="${start}"]`)).toHaveCount(0);
  await expect(main(page)).toContainText(SAM.name);
  await expect(main(page)).toContainText('Mornings are easier for me');

  const other = (await nearest.first().getAttribute('data-start')) ?? '';
  await nearest.first().click();
  await expect(taken).toHaveCount(0);
  const { body } = await confirm(page);
  expect(body).toMatchObject({ slot_start: other, name: SAM.name, note: 'Mornings are easier for me' });
});

test('a booking that could not be sent is retried with the same key, and books once', async ({ page, guard }) => {
  // The network failures this test makes on purpose are logged by the browser.
  guard.allowConsoleError(/ERR_FAILED|Failed to fetch/);
  await chooseSlot(page, DAY.retry);
  await giveDetails(page, SAM);
  const keys: string[] = [];
  let offline = true;
  await page.route('**/api/v1/calls', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (offline) await route.abort('failed');
    else await route.continue();
  });

  // A double press sends one booking; its automatic retries fail too.
  await main(page).getByRole('button', { name: 'Confirm booking' }).dblclick();
  await expect(main(page).getByRole('alert').filter({ hasText: 'Your call is not booked yet' })).toBeVisible();
  expect(keys.length, 'the booking was tried more than once').toBeGreaterThan(1);

  offline = false;
  await confirm(page);
  expect(new Set(keys).size, `keys sent: ${keys.join(', ')}`).toBe(1);
});

test('a reload keeps the contact details but never the note', async ({ page }) => {
  const note = 'SENTINEL-NOTE-7f3a';
  await chooseSlot(page, DAY.reload);
  await giveDetails(page, { ...SAM, note });
  await expect(main(page)).toContainText(note);
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(stored).toContain(SAM.email);
  expect(stored, 'the note is never stored').not.toContain(note);

  await page.reload();
  await expect(h1(page)).toHaveText('Check your answers before booking');
  await expect(main(page)).toContainText(SAM.name);
  await expect(main(page)).not.toContainText(note);

  await main(page).getByRole('button', { name: 'Clear my details and start again' }).click();
  await expect(h1(page)).toHaveText('Book a free call with a care coordinator');
  expect(await page.evaluate(() => sessionStorage.getItem('frontdoor.call-draft'))).toBeNull();
});

test('the confirmation survives a reload, and follows a move or a cancellation on the manage page', async ({
  page,
}) => {
  await chooseSlot(page, DAY.confirmed);
  await giveDetails(page, SAM);
  const { reference, manageHref } = await confirm(page);
  await expect(page).toHaveURL(/\/call\/confirmed$/);

  await page.reload();
  await expect(h1(page)).toHaveText('Your call is booked');
  await expect(main(page).locator('.panel .reference')).toHaveText(reference);
  await expect(main(page).getByRole('link', { name: 'View, change or cancel your call' })).toHaveAttribute(
    'href',
    manageHref,
  );

  // Moved on the manage page: the confirmation shows the new time.
  await visit(page, manageHref);
  await main(page).getByRole('button', { name: 'Change the time' }).click();
  await dayButtons(page).nth(DAY.confirmedMoveTo).click();
  const newTime = timeButtons(page).first();
  const newName = ((await newTime.textContent()) ?? '').trim();
  await newTime.click();
  await main(page).getByRole('button', { name: 'Move my call' }).click();
  await expect(main(page).getByRole('heading', { name: 'Your call has been moved' })).toBeFocused();
  const [, day, time] = /^(.*), (\d{1,2}:\d{2} [AP]M)$/.exec(newName) ?? [];
  await visit(page, '/call/confirmed');
  await expect(h1(page)).toHaveText('Your call is booked');
  await expect(main(page)).toContainText(day);
  await expect(main(page)).toContainText(time);

  // Cancelled: nothing is left to confirm, and the flow starts again.
  await visit(page, manageHref);
  await main(page).getByRole('button', { name: 'Cancel this call' }).click();
  await main(page).getByRole('button', { name: 'Yes, cancel my call' }).click();
  await expect(main(page).getByRole('heading', { name: 'Your call is cancelled' })).toBeFocused();
  expect(await page.evaluate(() => sessionStorage.getItem('frontdoor.call-confirmed'))).toBeNull();
  await visit(page, '/call/confirmed');
  await expect(h1(page)).toHaveText('Book a free call with a care coordinator');
});

test('missing details show the error summary, which links to each field', async ({ page }) => {
  await chooseSlot(page, DAY.reload, 2);
  await main(page).getByRole('button', { name: 'Continue' }).click();
  const summary = main(page).locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('alert')).toContainText('There is a problem');
  await summary.getByRole('link', { name: 'Enter your name, or any name you would like us to use' }).click();
  await expect(main(page).getByLabel('Your name')).toBeFocused();
  await expect(main(page).getByLabel('Your name')).toHaveAttribute('aria-invalid', 'true');
  await expect(h1(page)).toHaveText('Your details');
});

test('details the server refuses come back as an error summary on the details step', async ({ page, guard }) => {
  // The 422 this test makes the server answer is logged by the browser.
  guard.allowConsoleError(/status of 422/);
  await chooseSlot(page, DAY.reload, 3);
  await giveDetails(page, SAM);
  const message = 'We cannot send messages to this email address. Check it, or give a phone number';
  await page.route('**/api/v1/calls', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Some details need fixing',
        status: 422,
        errors: [{ field: 'email', message }],
      }),
    }),
  );
  await main(page).getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page).toHaveURL(/\/call\/details$/);
  const summary = main(page).locator('.error-summary');
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: message }).click();
  await expect(main(page).getByLabel('Email address')).toBeFocused();
  await expect(main(page).getByLabel('Email address')).toHaveValue(SAM.email);
  await expect(main(page).getByLabel('Your name')).toHaveValue(SAM.name);
});

test('"None of these times work for me" sends a request for other times', async ({ page }) => {
  await visit(page, '/call');
  await main(page).getByRole('link', { name: 'None of these times work for me' }).click();
  await expect(h1(page)).toHaveText('Ask for other times');
  await main(page).getByRole('button', { name: 'Send request' }).click();
  await expect(main(page).locator('.error-summary')).toBeFocused();
  await main(page).getByLabel('When would suit you?').fill('Weekday evenings after 6');
  await main(page).getByLabel('Your name').fill(SAM.name);
  await main(page).getByLabel('Phone number').fill('555 123 4567');
  const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/availability-requests'));
  await main(page).getByRole('button', { name: 'Send request' }).click();
  expect((await sent).postDataJSON()).toMatchObject({
    preferred_times: 'Weekday evenings after 6',
    time_zone: ZONE,
    phone: '555 123 4567',
  });
  await expect(h1(page)).toHaveText('We have your request');
  await expect(main(page).locator('.reference')).toHaveText(/^FA-/);
});

test('the manage link shows, moves and cancels the call; a wrong token finds nothing', async ({ page, guard }) => {
  // The browser logs the 404s of the wrong links this test opens on purpose.
  guard.allowConsoleError(/status of 404/);
  await chooseSlot(page, DAY.manage);
  await giveDetails(page, SAM);
  const { reference, manageHref } = await confirm(page);

  await visit(page, manageHref);
  await expect(h1(page)).toHaveText('Your call with a care coordinator');
  await expect(main(page)).toContainText(reference);
  await expect(main(page)).toContainText('Booked');

  // Reschedule with the same picker, by keyboard.
  await tabTo(page, main(page).getByRole('button', { name: 'Change the time' }));
  await page.keyboard.press('Enter');
  await expect(main(page).getByRole('heading', { name: 'Choose a new day' })).toBeFocused();
  await tabTo(page, dayButtons(page).nth(DAY.manageMoveTo), 80);
  await page.keyboard.press('Enter');
  const newTime = timeButtons(page).first();
  const newStart = (await newTime.getAttribute('data-start')) ?? '';
  const newName = ((await newTime.textContent()) ?? '').trim();
  await tabTo(page, newTime, 80);
  await page.keyboard.press('Enter');
  await expect(main(page).getByRole('heading', { name: `Move your call to ${newName}?` })).toBeFocused();
  const moved = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/calls/${reference}/reschedule`));
  await tabTo(page, main(page).getByRole('button', { name: 'Move my call' }));
  await page.keyboard.press('Enter');
  const move = await moved;
  expect(move.postDataJSON()).toEqual({ slot_start: newStart });
  expect(move.headers().authorization).toMatch(/^Bearer /);
  expect(move.url(), 'the token never travels in a URL').not.toContain('token');
  await expect(main(page).getByRole('heading', { name: 'Your call has been moved' })).toBeFocused();
  const [, day, time] = /^(.*), (\d{1,2}:\d{2} [AP]M)$/.exec(newName) ?? [];
  await expect(main(page)).toContainText(time);
  await expect(main(page)).toContainText(day);

  // The move holds after a reload.
  await page.reload();
  await expect(main(page)).toContainText(time);

  // Cancel, with a confirmation first.
  await main(page).getByRole('button', { name: 'Cancel this call' }).click();
  await expect(main(page).getByRole('heading', { name: 'Cancel this call?' })).toBeFocused();
  await main(page).getByRole('button', { name: 'No, keep my call' }).click();
  await expect(main(page)).toContainText('Booked');
  await main(page).getByRole('button', { name: 'Cancel this call' }).click();
  await main(page).getByRole('button', { name: 'Yes, cancel my call' }).click();
  await expect(main(page).getByRole('heading', { name: 'Your call is cancelled' })).toBeFocused();
  await expect(main(page)).toContainText('Cancelled');
  await expect(main(page).getByRole('button', { name: 'Change the time' })).toHaveCount(0);
  await page.reload();
  await expect(main(page)).toContainText('Cancelled');

  // A wrong token and an unknown reference get the same answer.
  const notFound = 'We could not find a call for this link. Please use the manage link from your confirmation.';
  await visit(page, `/calls/${reference}#token=not-the-right-token`);
  await expect(h1(page)).toHaveText('We could not find this call');
  await expect(main(page)).toContainText(notFound);
  await visit(page, '/calls/FC-AAAA-AAAA#token=whatever');
  await expect(h1(page)).toHaveText('We could not find this call');
  await expect(main(page)).toContainText(notFound);
  await visit(page, `/calls/${reference}`);
  await expect(main(page)).toContainText(notFound);
});

for (const [viewport, day] of [
  [{ width: 320, height: 640 }, DAY.axeSmall],
  [{ width: 1280, height: 800 }, DAY.axeLarge],
] as const) {
  test(`every step passes axe at ${viewport.width}×${viewport.height}`, async ({ openPage, guard }) => {
    test.setTimeout(90_000);
    // The last step opens a link to a call that does not exist; the browser logs its 404.
    guard.allowConsoleError(/status of 404/);
    const page = await openPage({ viewport, timezoneId: ZONE, locale: 'en-US' });
    const check = async (what: string): Promise<void> => {
      await expect(main(page).getByRole('status').filter({ hasText: /loading/i })).toHaveCount(0);
      if (viewport.width === 320) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${what} scrolls sideways at 320 px`).toBeLessThanOrEqual(320);
      }
      await expectNoAxeViolations(page);
    };

    await visit(page, '/call');
    await check('choose a day');
    await dayButtons(page).nth(day).click();
    await expect(h1(page)).toHaveText(/^Choose a time on /);
    await check('choose a time');
    await timeButtons(page).first().click();
    await expect(h1(page)).toHaveText('Your details');
    await check('details');
    await main(page).getByRole('button', { name: 'Continue' }).click();
    await expect(main(page).locator('.error-summary')).toBeFocused();
    await check('details with errors');
    await giveDetails(page, SAM);
    await check('check your answers');
    const { manageHref } = await confirm(page);
    await check('confirmation');

    await visit(page, manageHref);
    await check('manage');
    await main(page).getByRole('button', { name: 'Change the time' }).click();
    await expect(dayButtons(page).first()).toBeVisible();
    await check('reschedule: choose a day');
    await dayButtons(page).nth(day + 1).click();
    await check('reschedule: choose a time');
    await timeButtons(page).first().click();
    await check('reschedule: confirm');
    await main(page).getByRole('button', { name: 'Keep the current time' }).click();
    await main(page).getByRole('button', { name: 'Cancel this call' }).click();
    await check('cancel: confirm');
    await main(page).getByRole('button', { name: 'Yes, cancel my call' }).click();
    await expect(main(page).getByRole('heading', { name: 'Your call is cancelled' })).toBeVisible();
    await check('cancelled');

    await visit(page, '/call/other-times');
    await check('other times');
    await visit(page, '/calls/FC-AAAA-AAAA#token=nothing');
    await check('not found');
  });
}
