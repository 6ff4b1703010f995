/**
 * Reserving a seat: the steps in the URL, a keyboard-only journey, what a reload and Back keep,
 * validation from the form and from the server, a group that fills while the form is open, a
 * lost reply that is retried without booking twice, the confirmation with its calendar file, the
 * manage link, and axe at 320 and 1280 px.
 *
 * The server is shared by every spec and the specs run in parallel, so each test that takes a
 * seat uses a group of its own (named beside the test) and no test empties a group another
 * spec reads.
 */
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';

import type { APIRequestContext, Page } from '@playwright/test';

import { expectNoAxeViolations } from './a11y';
import { expect, tabTo, test, visit } from './fixtures';

const API = '/api/v1';

interface ApiGroup {
  id: string;
  title: string;
  seats_left: number;
  next_sessions: string[];
  status: 'open' | 'full';
}

interface Confirmation {
  reference: string;
  manage_token: string;
}

async function apiGroup(request: APIRequestContext, id: string): Promise<ApiGroup> {
  const reply = await request.get(`${API}/groups/${id}`);
  expect(reply.status()).toBe(200);
  return (await reply.json()) as ApiGroup;
}

async function seatsLeft(request: APIRequestContext, id: string): Promise<number> {
  return (await apiGroup(request, id)).seats_left;
}

/** Takes a seat the way another visitor would, straight through the API. */
async function reserveThroughApi(
  request: APIRequestContext,
  id: string,
  name: string,
): Promise<Confirmation> {
  const group = await apiGroup(request, id);
  const reply = await request.post(`${API}/reservations`, {
    headers: { 'Idempotency-Key': randomUUID() },
    data: {
      group_id: id,
      first_session: group.next_sessions[0],
      name,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
      time_zone: 'America/Chicago',
    },
  });
  expect(reply.status(), await reply.text()).toBe(201);
  return (await reply.json()) as Confirmation;
}

/** Goes from the first step to "Check your answers" with the mouse. */
async function fillTheForm(page: Page, groupId: string, name: string, email: string) {
  await visit(page, `/groups/${groupId}/reserve/session`);
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${groupId}/reserve/details$`));
  await page.getByLabel('Your name or an alias').fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`/groups/${groupId}/reserve/review$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Check your answers');
}

function confirmButton(page: Page) {
  return page.getByRole('button', { name: /Confirm reservation|Reserving your seat/ });
}

// self-compassion-friday (12 seats, 4 taken).
test('a keyboard alone reserves a seat, and Back from the confirmation books nothing more', async ({ page, request }) => {
  const group = 'self-compassion-friday';
  const before = await seatsLeft(request, group);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`${API}/reservations`)) posts.push(r.url());
  });

  await visit(page, `/groups/${group}`);
  await tabTo(page, page.getByRole('link', { name: 'Reserve a seat' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/reserve\/session$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('When would you like to start?');
  await expect(page.locator('#step-progress-text', { hasText: 'Step 1 of 3' })).toBeVisible();

  const first = page.getByRole('radio').first();
  await tabTo(page, first);
  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/reserve\/details$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const name = page.getByLabel('Your name or an alias');
  await expect(name).toHaveAttribute('autocomplete', 'name');
  await expect(page.getByLabel('Email address')).toHaveAttribute('autocomplete', 'email');
  await expect(page.getByLabel(/Phone number/)).toHaveAttribute('autocomplete', 'tel');
  await expect(page.getByLabel('Time zone')).not.toHaveValue('');
  await tabTo(page, name);
  await page.keyboard.type('Sam K');
  await tabTo(page, page.getByLabel('Email address'));
  await page.keyboard.type('sam.k@example.org');
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/reserve\/review$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.locator('.summary-list')).toContainText('Sam K');
  await expect(page.locator('.summary-list')).toContainText('sam.k@example.org');
  await tabTo(page, confirmButton(page));
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/reserve\/confirmation$/);
  const heading = page.getByRole('heading', { level: 1, name: 'Your seat is reserved' });
  await expect(heading).toBeVisible();
  const reference = (await page.locator('.panel__reference strong').textContent()) ?? '';
  expect(reference).toMatch(/^FD-[A-Z0-9-]+$/);
  expect(await seatsLeft(request, group)).toBe(before - 1);
  const manage = page.getByRole('link', { name: /\/reservations\// });
  await expect(manage).toHaveAttribute('href', new RegExp(`^/reservations/${reference}#token=[^&?]{22,}$`));

  // The success page replaced the review: Back goes to the steps, which start afresh and say
  // a seat is already held, and nothing is sent again.
  await page.goBack();
  await expect(page).toHaveURL(/\/reserve\/session$/);
  await expect(page.getByText('You have a seat in this group')).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(1);
  expect(await seatsLeft(request, group)).toBe(before - 1);
});

// loved-one-addiction-thursday (10 seats, 4 taken).
test('the confirmation offers a weekly calendar event in the group’s own time zone', async ({ page, request }) => {
  const group = 'loved-one-addiction-thursday';
  await fillTheForm(page, group, 'Kim', 'kim@example.org');
  await confirmButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your seat is reserved' })).toBeVisible();
  await expect(page.locator('main')).toContainText(/your time \(.*New York/);

  const calendar = page.getByRole('link', { name: 'Add to calendar' });
  await expect(calendar).toHaveAttribute('href', /^blob:/);
  const [download] = await Promise.all([page.waitForEvent('download'), calendar.click()]);
  expect(download.suggestedFilename()).toMatch(/^fd-.*\.ics$/);
  const ics = await readFile(await download.path(), 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR\r\n');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TH\r\n');
  expect(ics).toMatch(/DTSTART;TZID=America\/New_York:\d{8}T183000\r\n/);
  expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n');
  expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU');
  expect(ics).toContain('DURATION:PT60M');

  // A reload shows the same confirmation; the draft is gone.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your seat is reserved' })).toBeVisible();
  const draft = await page.evaluate(() => sessionStorage.getItem('frontdoor.reservation-draft'));
  expect(draft).toBeNull();
  expect((await apiGroup(request, group)).status).toBe('open');
});

// early-recovery-friday-morning: nothing is sent.
test('reload and Back keep what was typed, and “Clear my details” forgets it', async ({ page }) => {
  const group = 'early-recovery-friday-morning';
  await visit(page, `/groups/${group}/reserve/session`);
  const second = page.getByRole('radio').nth(1);
  await second.check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Your name or an alias').fill('Alex');
  await page.getByLabel('Email address').fill('alex@example.org');
  await page.getByLabel(/Phone number/).fill('+1 555 010 0199');
  await page.getByLabel('I’m booking for someone else').check();
  await expect(page.getByLabel('Their name or an alias')).toHaveValue('Alex');

  await page.reload();
  await expect(page.getByLabel('Their name or an alias')).toHaveValue('Alex');
  await expect(page.getByLabel('Email address')).toHaveValue('alex@example.org');
  await expect(page.getByLabel(/Phone number/)).toHaveValue('+1 555 010 0199');
  await expect(page.getByLabel('I’m booking for someone else')).toBeChecked();

  await page.goBack();
  await expect(page).toHaveURL(/\/reserve\/session$/);
  await expect(page.getByRole('radio').nth(1)).toBeChecked();
  await page.goForward();
  await expect(page.getByLabel('Email address')).toHaveValue('alex@example.org');

  // A review address typed in directly cannot skip the questions.
  await page.getByRole('button', { name: 'Clear my details' }).click();
  await expect(page).toHaveURL(/\/reserve\/session$/);
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await visit(page, `/groups/${group}/reserve/review`);
  await expect(page).toHaveURL(/\/reserve\/session$/);
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Your name or an alias')).toHaveValue('');
  const draft = await page.evaluate(() => sessionStorage.getItem('frontdoor.reservation-draft'));
  expect(draft ?? '').not.toContain('alex@example.org');
});

// early-recovery-friday-morning: nothing reaches the server (the 422 is the test's own).
test('problems are summarised, linked to their fields and put in the title', async ({ page, guard }) => {
  const group = 'early-recovery-friday-morning';
  await visit(page, `/groups/${group}/reserve/session`);
  await page.getByRole('button', { name: 'Continue' }).click();
  let summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeVisible();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Choose your first session/);
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('button', { name: 'Continue' }).click();
  summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link')).toHaveText(['Enter your name or an alias', 'Enter your email address']);
  await expect(page).toHaveTitle(/^Error: Your details/);
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: 'Enter your email address' }).click();
  const email = page.getByLabel('Email address');
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAttribute('aria-describedby', /contact-email-error/);
  await expect(page.locator('#contact-email-error')).toHaveText('Error: Enter your email address');

  // The server has the last word: its field errors come back to the fields.
  guard.allowConsoleError(/status of 422/);
  await page.route(`**${API}/reservations`, (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/problem+json',
      body: JSON.stringify({
        type: 'about:blank',
        title: 'Some answers need a look',
        status: 422,
        errors: [{ field: 'email', message: 'This email address cannot receive mail' }],
      }),
    }),
  );
  await page.getByLabel('Your name or an alias').fill('Jo');
  await email.fill('jo@example.invalid');
  await page.getByRole('button', { name: 'Continue' }).click();
  await confirmButton(page).click();
  await expect(page).toHaveURL(/\/reserve\/details$/);
  summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary.getByRole('link')).toHaveText(['This email address cannot receive mail']);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Your details/);
  await expect(page.locator('#contact-email-error')).toContainText('This email address cannot receive mail');
  await expect(email).toHaveValue('jo@example.invalid');
});

// grief-loss-tuesday-evening (1 seat left) fills; grief-sunday-morning is offered instead.
test('a group that fills while the form is open offers alternatives and keeps the details', async ({ page, request, guard }) => {
  const full = 'grief-loss-tuesday-evening';
  await fillTheForm(page, full, 'Noor', 'noor@example.org');
  const left = await seatsLeft(request, full);
  for (let i = 0; i < left; i++) await reserveThroughApi(request, full, `Other ${i}`);
  expect(await seatsLeft(request, full)).toBe(0);

  guard.allowConsoleError(/status of 409/);
  await confirmButton(page).click();
  const alert = page.getByRole('alert').filter({ hasText: 'That group just filled up — these have seats' });
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  await expect(page.locator('.summary-list')).toContainText('noor@example.org');
  const alternative = alert.getByRole('link', { name: 'Reserve a seat in Grieving Together: Sunday Mornings' });
  await expect(alternative).toBeVisible();

  await alternative.click();
  await expect(page).toHaveURL(/\/groups\/grief-sunday-morning\/reserve\/session$/);
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Your name or an alias')).toHaveValue('Noor');
  await expect(page.getByLabel('Email address')).toHaveValue('noor@example.org');
  await page.getByRole('button', { name: 'Continue' }).click();
  await confirmButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your seat is reserved' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Grieving Together: Sunday Mornings');
});

// trauma-grounding-saturday (10 seats, 4 taken).
test('a reply lost offline is retried with the same key and books exactly one seat', async ({ page, request, guard }) => {
  const group = 'trauma-grounding-saturday';
  const before = await seatsLeft(request, group);
  await fillTheForm(page, group, 'Lee', 'lee@example.org');

  // The first send reaches the server but its reply is lost; then the network is gone until
  // the test brings it back.
  let network: 'lose-reply' | 'offline' | 'online' = 'lose-reply';
  const keys = new Set<string>();
  let sends = 0;
  await page.route(`**${API}/reservations`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    sends += 1;
    keys.add(route.request().headers()['idempotency-key'] ?? '');
    if (network === 'online') return route.continue();
    if (network === 'lose-reply') {
      network = 'offline';
      await route.fetch();
    }
    return route.abort('internetdisconnected');
  });
  guard.allowConsoleError(/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/);

  await confirmButton(page).click();
  await expect(confirmButton(page)).toHaveAttribute('aria-disabled', 'true');
  const failure = page.getByRole('alert').filter({ hasText: 'Your reservation has not been confirmed yet' });
  await expect(failure).toBeVisible({ timeout: 15_000 });
  await expect(failure).toContainText('internet connection');
  expect(sends).toBeGreaterThan(1);
  expect(await seatsLeft(request, group)).toBe(before - 1);

  network = 'online';
  await failure.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your seat is reserved' })).toBeVisible();
  expect(keys.size).toBe(1);
  expect(await seatsLeft(request, group)).toBe(before - 1);

  // The one reservation is the one the manage link shows.
  const reference = (await page.locator('.panel__reference strong').textContent()) ?? '';
  await page.getByRole('link', { name: /\/reservations\// }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your reservation' })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText(reference);
  await expect(page.locator('.summary-list')).toContainText('lee@example.org');
});

// parenting-calm-wednesday (12 seats, 7 taken).
test('the manage link cancels the seat, which frees it at once; a wrong token finds nothing', async ({ page, request, guard }) => {
  const group = 'parenting-calm-wednesday';
  const before = await seatsLeft(request, group);
  const mine = await reserveThroughApi(request, group, 'Casey');
  expect(await seatsLeft(request, group)).toBe(before - 1);
  guard.allowConsoleError(/status of 404/);

  await visit(page, `/reservations/${mine.reference}#token=${mine.manage_token}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Your reservation' })).toBeVisible();
  await expect(page.locator('main')).toContainText('Parenting with Calm and Confidence');
  await page.getByRole('button', { name: 'Cancel my seat' }).click();
  const confirm = page.getByRole('group', { name: 'Are you sure you want to cancel your seat?' });
  await expect(confirm).toBeFocused();
  await confirm.getByRole('button', { name: 'No, keep my seat' }).click();
  expect(await seatsLeft(request, group)).toBe(before - 1);
  await page.getByRole('button', { name: 'Cancel my seat' }).click();
  await page.getByRole('button', { name: 'Yes, cancel my seat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your seat is cancelled' })).toBeVisible();
  expect(await seatsLeft(request, group)).toBe(before);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Reservation not found' })).toBeVisible();
  const notFound = await page.locator('main .lede').textContent();

  const other = await reserveThroughApi(request, group, 'Dana');
  await visit(page, `/reservations/${other.reference}#token=not-the-token`);
  await expect(page.getByRole('heading', { level: 1, name: 'Reservation not found' })).toBeVisible();
  await expect(page.locator('main .lede')).toHaveText(notFound ?? '');
  await visit(page, `/reservations/FD-0000-0000#token=${other.manage_token}`);
  await expect(page.locator('main .lede')).toHaveText(notFound ?? '');
  await visit(page, `/reservations/${other.reference}`);
  await expect(page.locator('main .lede')).toHaveText(notFound ?? '');
});

// relationships-tuesday-evening at 320 px, bpd-skills-saturday at 1280 px.
for (const { size, group } of [
  { size: { width: 320, height: 640 }, group: 'relationships-tuesday-evening' },
  { size: { width: 1280, height: 800 }, group: 'bpd-skills-saturday' },
]) {
  test(`every step, its error state and the confirmation pass axe at ${size.width} px`, async ({ openPage }) => {
    // Seven full-page axe runs on a shared, busy machine.
    test.setTimeout(180_000);
    const page = await openPage({ viewport: size });
    await visit(page, `/groups/${group}`);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Reserve a seat' }).click();
    await expect(page.locator('#step-progress-text', { hasText: 'Step 1 of 3' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#step-progress-text', { hasText: 'Step 2 of 3' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Email address').fill('not an email');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel('Your name or an alias').fill('Ari');
    await page.getByLabel('Email address').fill('ari@example.org');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('#step-progress-text', { hasText: 'Step 3 of 3' })).toBeVisible();
    await expectNoAxeViolations(page);
    await confirmButton(page).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your seat is reserved' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
