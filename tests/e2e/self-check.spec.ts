/**
 * "Is IOP right for you?": the self-check as a person meets it. Keyboard-only journeys to each
 * of the four results, the safety interrupt, Back keeping answers, the error summary, leaving and
 * coming back, "Clear my answers", printing — and a sentinel test that the answers never reach a
 * request, storage, the URL or the title. Every screen is checked with axe on a small phone and a
 * laptop.
 */
import type { Locator, Page, Request } from '@playwright/test';

import { expectNoAxeViolations } from './a11y';
import { expect, tabTo, test, visit } from './fixtures';
import { pageTitle } from './site';

const PATH = '/self-check';
const INTERRUPT = "You don't have to go through this alone";
const CHECK_ANSWERS = 'Check your answers';
const RESULTS = {
  getHelpNow: 'Get help now',
  higher: 'A higher level of care may fit better — talk to a coordinator today',
  iop: 'IOP may be a good fit',
  weekly: 'A weekly group or individual therapy may be enough',
} as const;
const CREDIT = 'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues';

/** A fragment of each question's text, enough to tell it apart from every other. */
const Q = {
  forWhom: 'Who are you looking for help for?',
  topicsMyself: 'What brings you here?',
  topicsThem: 'What are you worried about for them?',
  safety: 'thoughts of ending',
  care: 'What help are',
  phq: [
    'Little interest or pleasure',
    'Feeling down, depressed',
    'Trouble falling or staying asleep',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself',
    'Trouble concentrating',
    'Moving or speaking so slowly',
    'better off dead',
  ],
  difficulty: 'how difficult have these problems made it',
  gad: [
    'Feeling nervous, anxious',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless',
    'Becoming easily annoyed',
    'Feeling afraid, as if something awful',
  ],
  auditFrequency: 'How often do you have a drink containing alcohol?',
  auditTypical: 'How many drinks containing alcohol',
  auditSix: 'six or more drinks on one occasion',
  drugs: 'illegal drug',
  dailyDrinking: 'drink heavily every day',
  dailyMedication: 'benzodiazepines or opioids every day',
  functioning: 'getting in the way of',
  support: 'people at home or nearby',
  attend: 'about 3 hours, 3 days a week',
  timeOfDay: 'Which times would suit',
} as const;

/** The answers a person gives: question fragment → the label(s) they choose. */
type Profile = [question: string, answer: string | string[]][];

const phq = (labels: string[]): Profile => Q.phq.map((q, i) => [q, labels[i]]);
const gad = (label: string): Profile => Q.gad.map((q) => [q, label]);
const all = (label: string, n: number): string[] => Array.from({ length: n }, () => label);

/** Minimal symptoms, no care yet, daily life mostly fine: weekly care may be enough. */
const WEEKLY: Profile = [
  [Q.forWhom, 'For myself'],
  [Q.topicsMyself, ['Grief or loss']],
  [Q.safety, 'No'],
  [Q.care, 'None at the moment'],
  ...phq(all('Not at all', 9)),
  ...gad('Not at all'),
  [Q.functioning, 'A little'],
  [Q.support, 'Yes, good support'],
  [Q.attend, 'Yes'],
  [Q.timeOfDay, 'Evenings'],
];

/** Weekly therapy isn't enough, moderately severe low mood, moderate anxiety: IOP may fit. */
const IOP: Profile = [
  [Q.forWhom, 'For myself'],
  [Q.topicsMyself, ['Low mood or depression', 'Anxiety or worry']],
  [Q.safety, 'No'],
  [Q.care, "Weekly therapy, but it isn't enough"],
  ...phq([...all('More than half the days', 8), 'Not at all']),
  [Q.difficulty, 'Very difficult'],
  ...gad('More than half the days'),
  [Q.functioning, 'Quite a lot'],
  [Q.support, 'Some support'],
  [Q.attend, 'Yes'],
  [Q.timeOfDay, 'Daytime'],
];

/** Heavy drinking every day: a medical check first, never "IOP may be a good fit". */
const HIGHER: Profile = [
  [Q.forWhom, 'For myself'],
  [Q.topicsMyself, ['Alcohol or drug use']],
  [Q.safety, 'No'],
  [Q.care, 'None at the moment'],
  ...phq([...all('Several days', 8), 'Not at all']),
  [Q.difficulty, 'Somewhat difficult'],
  ...gad('Several days'),
  [Q.auditFrequency, '4 or more times a week'],
  [Q.auditTypical, '5 or 6'],
  [Q.auditSix, 'Weekly'],
  [Q.drugs, 'Never'],
  [Q.dailyDrinking, 'Yes'],
  [Q.dailyMedication, 'No'],
  [Q.functioning, 'Quite a lot'],
  [Q.support, 'Some support'],
  [Q.attend, 'Maybe, with some changes'],
  [Q.timeOfDay, 'Either is fine'],
];

/** Answering for someone else, who is having thoughts of ending their life: get help now. */
const GET_HELP_NOW: Profile = [
  [Q.forWhom, 'For someone I care about'],
  [Q.topicsThem, ['Trauma']],
  [Q.safety, 'Yes'],
  [Q.care, 'None at the moment'],
  [Q.functioning, 'A little'],
  [Q.support, 'Yes, good support'],
  [Q.attend, 'No, not right now'],
];

function answerFor(profile: Profile, question: string): string[] {
  const match = profile.find(([fragment]) => question.includes(fragment));
  if (!match) throw new Error(`The profile has no answer for: ${question}`);
  const [, answer] = match;
  return Array.isArray(answer) ? answer : [answer];
}

const main = (page: Page): Locator => page.getByRole('main');
const h1 = (page: Page): Locator => main(page).getByRole('heading', { level: 1 });

/** The labels of a set of radios or checkboxes, in order. */
async function labelsOf(controls: Locator): Promise<string[]> {
  return controls.evaluateAll((elements) =>
    elements.map((element) => (element as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? ''),
  );
}

/** Index of the focused control among `controls`, or -1. */
async function focusedIndex(controls: Locator): Promise<number> {
  return controls.evaluateAll((elements) => elements.indexOf(document.activeElement as HTMLElement));
}

/**
 * Answers the question on screen with the keyboard alone, as a person would: Tab from the
 * heading into the answers, Space and the arrow keys to choose, Tab to Continue, Enter.
 */
async function answerWithKeyboard(page: Page, labels: string[]): Promise<void> {
  const radios = main(page).getByRole('radio');
  const checkboxes = main(page).getByRole('checkbox');
  if ((await radios.count()) > 0) {
    const names = await labelsOf(radios);
    const target = names.indexOf(labels[0]);
    expect(target, `"${labels[0]}" among ${names.join(' | ')}`).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Tab');
    let current = await focusedIndex(radios);
    expect(current, 'Tab from the question moves into its answers').toBeGreaterThanOrEqual(0);
    if (!(await radios.nth(current).isChecked())) await page.keyboard.press('Space');
    for (; current < target; current++) await page.keyboard.press('ArrowDown');
    for (; current > target; current--) await page.keyboard.press('ArrowUp');
    await expect(radios.nth(target)).toBeChecked();
    await expect(radios.nth(target)).toBeFocused();
  } else {
    const names = await labelsOf(checkboxes);
    for (const label of labels) expect(names, `"${label}" is an option`).toContain(label);
    for (let index = 0; index < names.length; index++) {
      await page.keyboard.press('Tab');
      await expect(checkboxes.nth(index)).toBeFocused();
      if (labels.includes(names[index]) !== (await checkboxes.nth(index).isChecked())) {
        await page.keyboard.press('Space');
      }
    }
    for (let index = 0; index < names.length; index++) {
      const expected = labels.includes(names[index]);
      if (expected) await expect(checkboxes.nth(index)).toBeChecked();
      else await expect(checkboxes.nth(index)).not.toBeChecked();
    }
  }
  await page.keyboard.press('Tab');
  await expect(main(page).getByRole('button', { name: 'Continue' })).toBeFocused();
  await page.keyboard.press('Enter');
}

/** Answers the question on screen with the mouse (for the checks that aren't about the keyboard). */
async function answerWithMouse(page: Page, labels: string[]): Promise<void> {
  for (const label of labels) {
    await main(page).getByLabel(label, { exact: true }).check();
  }
  await main(page).getByRole('button', { name: 'Continue' }).click();
}

interface WalkOptions {
  keyboard?: boolean;
  /** Runs on each screen before it is answered (the question's heading text is passed). */
  onScreen?: (heading: string) => Promise<void>;
}

/**
 * Answers questions from the profile until the interrupt or "Check your answers" shows, checking
 * on every step that focus moved to the new question and the announcer read it out. Returns the
 * heading it stopped at.
 */
async function walk(page: Page, profile: Profile, options: WalkOptions = {}): Promise<string> {
  for (let step = 0; step < 40; step++) {
    const heading = h1(page);
    await expect(heading).toBeFocused();
    const text = ((await heading.textContent()) ?? '').trim();
    await expect(page.locator('#route-announcer')).toHaveText(text);
    if (text === INTERRUPT || text === CHECK_ANSWERS) return text;
    await expect(main(page)).toContainText(/Step \d+ of \d+/);
    await options.onScreen?.(text);
    const labels = answerFor(profile, text);
    if (options.keyboard) await answerWithKeyboard(page, labels);
    else await answerWithMouse(page, labels);
    await expect(heading).not.toHaveText(text);
  }
  throw new Error('The self-check did not reach "Check your answers" within 40 steps');
}

/** From the introduction to the first question, by keyboard. */
async function startWithKeyboard(page: Page): Promise<void> {
  await visit(page, PATH);
  const start = main(page).getByRole('button', { name: 'Start now' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
}

async function start(page: Page): Promise<void> {
  await visit(page, PATH);
  await main(page).getByRole('button', { name: 'Start now' }).click();
}

/** On "Check your answers", press "See my result" with the keyboard and wait for the result. */
async function seeResultWithKeyboard(page: Page, heading: string): Promise<void> {
  await expect(h1(page)).toHaveText(CHECK_ANSWERS);
  await tabTo(page, main(page).getByRole('button', { name: 'See my result' }), 120);
  await page.keyboard.press('Enter');
  await expect(h1(page)).toHaveText(heading);
  await expect(h1(page)).toBeFocused();
}

async function expectNotADiagnosis(page: Page): Promise<void> {
  await expect(main(page)).toContainText('This is not a diagnosis.');
}

async function expectCrisisLines(scope: Locator): Promise<void> {
  await expect(scope.getByRole('link', { name: /^Call 988/ })).toHaveAttribute('href', 'tel:988');
  await expect(scope.getByRole('link', { name: /^Text 988/ })).toHaveAttribute('href', 'sms:988');
  await expect(scope.getByRole('link', { name: 'Text HOME to 741741' })).toHaveAttribute(
    'href',
    'sms:741741?&body=HOME',
  );
  await expect(scope.getByRole('link', { name: 'Call 911' })).toHaveAttribute('href', 'tel:911');
  await expect(scope.getByRole('link', { name: 'Call SAMHSA 1-800-662-4357' })).toHaveAttribute(
    'href',
    'tel:18006624357',
  );
}

test.describe('keyboard-only journeys', () => {
  test.describe.configure({ timeout: 120_000 });

  test('to "A weekly group or individual therapy may be enough"', async ({ page }) => {
    await startWithKeyboard(page);
    await expect(main(page)).toContainText('Step 1 of 24');
    expect(await walk(page, WEEKLY, { keyboard: true })).toBe(CHECK_ANSWERS);
    await seeResultWithKeyboard(page, RESULTS.weekly);

    await expectNotADiagnosis(page);
    await expect(main(page)).toContainText('minimal or mild symptoms');
    await expect(main(page)).toContainText('Your answers suggest minimal depression symptoms.');
    await expect(main(page)).toContainText('Your answers suggest minimal anxiety symptoms.');
    await expect(main(page)).toContainText(CREDIT);
    await expect(main(page)).toContainText('around 9 hours a week or more');
    await expect(main(page).getByRole('link', { name: 'Book a free call with a care coordinator' })).toHaveAttribute(
      'href',
      '/call',
    );
    await expect(main(page).getByRole('link', { name: 'Browse groups: Grief & Loss' })).toHaveAttribute(
      'href',
      '/groups?topic=grief-loss',
    );
    await expect(page).toHaveTitle(pageTitle('Your self-check result'));
  });

  test('to "IOP may be a good fit"', async ({ page }) => {
    await startWithKeyboard(page);
    expect(await walk(page, IOP, { keyboard: true })).toBe(CHECK_ANSWERS);
    await seeResultWithKeyboard(page, RESULTS.iop);

    await expectNotADiagnosis(page);
    await expect(main(page)).toContainText("You said weekly therapy isn't enough at the moment.");
    await expect(main(page)).toContainText('Your answers suggest moderately severe depression symptoms.');
    await expect(main(page)).toContainText('Your answers suggest moderate anxiety symptoms.');
    await expect(main(page)).toContainText(CREDIT);
    await expect(main(page)).toContainText('You said daytime sessions would suit best.');
    await expect(main(page).getByRole('link', { name: 'Browse groups: Anxiety & Depression' })).toHaveAttribute(
      'href',
      '/groups?topic=anxiety-depression',
    );
  });

  test('to "A higher level of care may fit better"', async ({ page }) => {
    await startWithKeyboard(page);
    const asked: string[] = [];
    expect(
      await walk(page, HIGHER, { keyboard: true, onScreen: async (heading) => void asked.push(heading) }),
    ).toBe(CHECK_ANSWERS);
    // Choosing alcohol or drug use opened the alcohol and drug questions.
    for (const question of [Q.auditFrequency, Q.auditSix, Q.drugs, Q.dailyDrinking]) {
      expect(asked.some((heading) => heading.includes(question)), question).toBe(true);
    }
    await seeResultWithKeyboard(page, RESULTS.higher);

    await expectNotADiagnosis(page);
    await expect(main(page)).toContainText('You said you drink heavily every day or almost every day.');
    await expect(main(page)).toContainText(
      'Your answers about alcohol may suggest drinking that could be harming your health.',
    );
    await expect(main(page).getByRole('link', { name: 'Book a free call with a care coordinator' })).toBeVisible();
    await expect(main(page).getByRole('link', { name: /^Browse groups/ })).toHaveCount(0);
  });

  test('to "Get help now", through the crisis panel, answering for someone else', async ({ page }) => {
    await startWithKeyboard(page);
    expect(await walk(page, GET_HELP_NOW, { keyboard: true })).toBe(INTERRUPT);
    await expectCrisisLines(main(page));
    await tabTo(page, main(page).getByRole('button', { name: 'Continue the self-check' }));
    await page.keyboard.press('Enter');

    expect(await walk(page, GET_HELP_NOW, { keyboard: true })).toBe(CHECK_ANSWERS);
    await seeResultWithKeyboard(page, RESULTS.getHelpNow);

    await expectNotADiagnosis(page);
    await expectCrisisLines(main(page));
    await expect(main(page)).toContainText("You told us they're having thoughts of ending their life");
    // Answered for someone else: no questionnaires, so no bands and no credit line.
    await expect(main(page)).not.toContainText(CREDIT);
    await expect(
      main(page).getByRole('link', { name: 'Browse groups for people supporting a loved one' }),
    ).toHaveAttribute('href', '/groups?topic=supporting-a-loved-one-with-bpd');
  });
});

test.describe('the safety interrupt', () => {
  test('"Several days" on PHQ-9 item 9 shows 988 at once, before any further question', async ({ page }) => {
    await start(page);
    const profile: Profile = [
      [Q.forWhom, 'For myself'],
      [Q.topicsMyself, ['Low mood or depression']],
      [Q.safety, 'No'],
      [Q.care, 'None at the moment'],
      ...phq([...all('Not at all', 8), 'Several days']),
    ];
    expect(await walk(page, profile)).toBe(INTERRUPT);
    await expect(h1(page)).toBeFocused();
    await expect(page.locator('#route-announcer')).toHaveText(INTERRUPT);
    await expectCrisisLines(main(page));
    await expect(main(page).getByRole('link', { name: 'Talk to a coordinator today' })).toHaveAttribute(
      'href',
      '/call',
    );
    await expect(main(page).getByRole('radio')).toHaveCount(0);

    // Carrying on leads to the next question, the PHQ-9's closing one.
    await main(page).getByRole('button', { name: 'Continue the self-check' }).click();
    await expect(h1(page)).toContainText(Q.difficulty);
    await expect(h1(page)).toBeFocused();
  });

  test('"Yes" to the direct safety question shows 988 at once', async ({ page }) => {
    await start(page);
    const profile: Profile = [
      [Q.forWhom, 'For myself'],
      [Q.topicsMyself, ['Anxiety or worry']],
      [Q.safety, 'Yes'],
    ];
    expect(await walk(page, profile)).toBe(INTERRUPT);
    await expectCrisisLines(main(page));

    // Back returns to the question with the answer still chosen.
    await main(page).getByRole('button', { name: 'Back' }).click();
    await expect(h1(page)).toContainText(Q.safety);
    await expect(main(page).getByLabel('Yes', { exact: true })).toBeChecked();
  });
});

test('Back from "Check your answers" keeps every answer', async ({ page }) => {
  await start(page);
  const profile: Profile = [
    [Q.forWhom, 'For someone I care about'],
    [Q.topicsThem, ['Grief or loss', 'Anger']],
    [Q.safety, 'No'],
    [Q.care, "Weekly therapy, but it isn't enough"],
    [Q.functioning, 'Quite a lot'],
    [Q.support, 'Some support'],
    [Q.attend, 'Maybe, with some changes'],
    [Q.timeOfDay, 'Evenings'],
  ];
  expect(await walk(page, profile)).toBe(CHECK_ANSWERS);

  // The answers are listed, each with a Change control named after its question.
  const list = main(page);
  await expect(list).toContainText('Grief or loss');
  await expect(list).toContainText('Anger');
  await expect(list.getByRole('button', { name: 'Change your answer to: Who are you looking for help for?' })).toBeVisible();
  await expect(list.getByRole('button', { name: /^Change your answer to: / })).toHaveCount(profile.length);

  for (const [question, answer] of [...profile].reverse()) {
    await main(page).getByRole('button', { name: 'Back' }).click();
    await expect(h1(page)).toContainText(question);
    await expect(h1(page)).toBeFocused();
    for (const label of Array.isArray(answer) ? answer : [answer]) {
      await expect(main(page).getByLabel(label, { exact: true }), `${question}: ${label}`).toBeChecked();
    }
  }

  // Continue all the way forward again without touching anything.
  for (let step = 0; step < profile.length; step++) {
    const before = (await h1(page).textContent()) ?? '';
    await main(page).getByRole('button', { name: 'Continue' }).click();
    await expect(h1(page)).not.toHaveText(before);
  }
  await expect(h1(page)).toHaveText(CHECK_ANSWERS);

  // A Change control goes to the question and comes back.
  await main(page).getByRole('button', { name: `Change your answer to: ${'Do they have people at home or nearby who support them?'}` }).click();
  await expect(main(page).getByLabel('Some support', { exact: true })).toBeChecked();
  await main(page).getByLabel('Yes, good support', { exact: true }).check();
  await main(page).getByRole('button', { name: 'Continue' }).click();
  await expect(h1(page)).toHaveText(CHECK_ANSWERS);
  await expect(main(page)).toContainText('Yes, good support');
});

test('Continue without an answer shows the error summary, which takes focus and links to the answers', async ({
  page,
}) => {
  await start(page);
  await expect(page).toHaveTitle(pageTitle('Is IOP right for you?'));
  await main(page).getByRole('button', { name: 'Continue' }).click();

  const summary = main(page).locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('alert')).toContainText('There is a problem');
  await expect(page).toHaveTitle(`Error: ${pageTitle('Is IOP right for you?')}`);

  const inline = main(page).locator('#self-check-answer-error');
  await expect(inline).toHaveText('Error: Select an answer to continue.');
  await expect(main(page).getByRole('group', { name: /Who are you looking for help for\?/ })).toHaveAttribute(
    'aria-describedby',
    /self-check-answer-error/,
  );

  const urlBefore = page.url();
  await summary.getByRole('link', { name: 'Select an answer to continue.' }).click();
  await expect(main(page).getByRole('radio').first()).toBeFocused();
  expect(page.url(), 'the link moves focus without changing the address').toBe(urlBefore);

  // Answering clears the problem and the title.
  await page.keyboard.press('Space');
  await main(page).getByRole('button', { name: 'Continue' }).click();
  await expect(h1(page)).toContainText(Q.topicsMyself);
  await expect(main(page).locator('.error-summary')).toHaveCount(0);
  await expect(page).toHaveTitle(pageTitle('Is IOP right for you?'));

  // Checkboxes say what to do too.
  await main(page).getByRole('button', { name: 'Continue' }).click();
  await expect(main(page).locator('#self-check-answer-error')).toHaveText(
    'Error: Select at least one option to continue.',
  );
});

test('"Step n of N" stays honest when answering for someone else skips the questionnaires', async ({ page }) => {
  await start(page);
  await expect(main(page)).toContainText('Step 1 of 24');
  await expect(main(page).locator('progress')).toHaveAttribute('max', '24');
  await answerWithMouse(page, ['For someone I care about']);
  await expect(main(page)).toContainText('Step 2 of 8');
  await expect(main(page).locator('progress')).toHaveAttribute('value', '2');
  await expect(main(page).locator('progress')).toHaveAttribute('max', '8');
});

test('leaving and coming back offers to continue; "Clear my answers" forgets everything', async ({ page }) => {
  await start(page);
  await answerWithMouse(page, ['For myself']);
  await answerWithMouse(page, ['Trauma']);
  await expect(h1(page)).toContainText(Q.safety);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Programs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our programs' })).toBeVisible();
  await nav.getByRole('link', { name: 'Self-check' }).click();

  await expect(h1(page)).toHaveText('Continue your self-check?');
  await expect(h1(page)).toBeFocused();
  await main(page).getByRole('button', { name: 'Continue where you left off' }).click();
  await expect(h1(page)).toContainText(Q.safety);
  await main(page).getByRole('button', { name: 'Back' }).click();
  await expect(main(page).getByLabel('Trauma', { exact: true })).toBeChecked();

  await main(page).getByRole('button', { name: 'Clear my answers' }).click();
  await expect(h1(page)).toHaveText('Is IOP right for you?');
  await expect(h1(page)).toBeFocused();
  await expect(main(page).getByRole('status')).toContainText('Your answers have been cleared');

  await nav.getByRole('link', { name: 'Programs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Our programs' })).toBeVisible();
  await nav.getByRole('link', { name: 'Self-check' }).click();
  await expect(h1(page)).toHaveText('Is IOP right for you?');
  await main(page).getByRole('button', { name: 'Start now' }).click();
  await expect(main(page).getByRole('radio', { checked: true })).toHaveCount(0);

  // "Start again" from the resume screen forgets the earlier answers too.
  await answerWithMouse(page, ['For myself']);
  await nav.getByRole('link', { name: 'Programs' }).click();
  await nav.getByRole('link', { name: 'Self-check' }).click();
  await main(page).getByRole('button', { name: 'Start again' }).click();
  await expect(h1(page)).toContainText(Q.forWhom);
  await expect(main(page).getByRole('radio', { checked: true })).toHaveCount(0);
});

test('the result prints as a clean summary without navigation or buttons', async ({ page }) => {
  await start(page);
  expect(await walk(page, IOP)).toBe(CHECK_ANSWERS);
  await main(page).getByRole('button', { name: 'See my result' }).click();
  await expect(h1(page)).toHaveText(RESULTS.iop);

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await main(page).getByRole('button', { name: 'Print or save a summary' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  const summary = main(page).locator('.self-check-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading', { level: 1, name: RESULTS.iop })).toBeVisible();
  await expect(summary.getByText('This is not a diagnosis.')).toBeVisible();
  await expect(summary.getByText('Your answers suggest moderate anxiety symptoms.')).toBeVisible();
  await expect(summary.getByText(/self-check summary \(question set /)).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Quick exit' })).toBeHidden();
  await expect(main(page).getByRole('button', { name: 'Clear my answers' })).toBeHidden();
  await expect(main(page).getByRole('button', { name: 'Print or save a summary' })).toBeHidden();

  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(summary.getByText(/self-check summary \(question set /)).toBeHidden();
});

test.describe('sentinel: answers never leave the page', () => {
  test.describe.configure({ timeout: 120_000 });

  test('no request, storage, cookie, URL or title ever holds an answer', async ({ page, context }) => {
    // There is no free-text field in the self-check, so the sentinels are the distinctive ids
    // and labels of the answers chosen in the IOP profile.
    const sentinels = [
      'weekly_not_enough',
      "Weekly therapy, but it isn't enough",
      "isn't enough",
      'more_than_half',
      'More than half the days',
      'very_difficult',
      'Very difficult',
      'quite_a_lot',
      'Quite a lot',
      'Some support',
      'Low mood or depression',
      'Anxiety or worry',
    ];
    const encodedSentinels = sentinels.flatMap((s) => [s, encodeURIComponent(s), s.replace(/ /g, '+')]);
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));

    let visitedOtherPages = false;
    const checkpoint = async (where: string, onSelfCheck = true): Promise<void> => {
      // Requests: URL, body and every header.
      for (const request of requests) {
        const headers = JSON.stringify(await request.allHeaders());
        const text = `${request.url()}\n${request.postData() ?? ''}\n${headers}`;
        for (const sentinel of encodedSentinels) {
          expect(text.includes(sentinel), `${where}: "${sentinel}" in a request: ${request.url()}`).toBe(false);
        }
      }
      // Storage of every kind, and cookies.
      const stored = await page.evaluate(async () => {
        const dump = (storage: Storage) =>
          Array.from({ length: storage.length }, (_, i) => {
            const key = storage.key(i) ?? '';
            return `${key}=${storage.getItem(key) ?? ''}`;
          });
        const databases = await indexedDB.databases();
        return {
          local: dump(localStorage),
          session: dump(sessionStorage),
          databases: databases.map((d) => d.name ?? ''),
          cookie: document.cookie,
        };
      });
      const storedText = JSON.stringify(stored) + JSON.stringify(await context.cookies());
      for (const sentinel of encodedSentinels) {
        expect(storedText.includes(sentinel), `${where}: "${sentinel}" stored: ${storedText}`).toBe(false);
      }
      if (!visitedOtherPages) {
        // Until other features have had a chance to keep their own drafts, nothing at all.
        expect(stored, `${where}: nothing stored`).toEqual({ local: [], session: [], databases: [], cookie: '' });
        expect(await context.cookies(), `${where}: no cookies`).toEqual([]);
      }
      // The address and the title.
      const url = new URL(page.url());
      if (onSelfCheck) {
        expect(`${url.pathname}${url.search}${url.hash}`, `${where}: the address never changes`).toBe(PATH);
      }
      for (const sentinel of encodedSentinels) {
        expect(page.url().includes(sentinel), `${where}: "${sentinel}" in the address`).toBe(false);
      }
      const title = await page.title();
      for (const sentinel of sentinels) {
        expect(title.includes(sentinel), `${where}: "${sentinel}" in the title "${title}"`).toBe(false);
      }
    };

    await start(page);
    await checkpoint('first question');
    let steps = 0;
    expect(
      await walk(page, IOP, {
        onScreen: async () => {
          steps += 1;
          if (steps % 6 === 0) await checkpoint(`step ${steps}`);
        },
      }),
    ).toBe(CHECK_ANSWERS);
    await checkpoint('check your answers');
    await main(page).getByRole('button', { name: 'See my result' }).click();
    await expect(h1(page)).toHaveText(RESULTS.iop);
    await checkpoint('result');

    // Away to other pages that load data from the API — among them the coordinator call, which
    // could share a summary but only with a tick nobody gave — and back.
    const nav = page.getByRole('navigation', { name: 'Main' });
    visitedOtherPages = true;
    await nav.getByRole('link', { name: 'Talk to a coordinator' }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await checkpoint('the coordinator call page', false);
    await nav.getByRole('link', { name: 'Programs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Our programs' })).toBeVisible();
    await checkpoint('the programs page', false);
    await nav.getByRole('link', { name: 'Self-check' }).click();
    await expect(h1(page)).toHaveText('Continue your self-check?');
    await checkpoint('coming back');
    await main(page).getByRole('button', { name: 'Continue where you left off' }).click();
    await expect(h1(page)).toHaveText(RESULTS.iop);
    await checkpoint('result again');
    expect(requests.length, 'the checks above saw the page load').toBeGreaterThan(0);
  });
});

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
];

for (const viewport of VIEWPORTS) {
  test.describe(`axe at ${viewport.width}×${viewport.height}`, () => {
    test.describe.configure({ timeout: 360_000 });

    test('every step, the error, the interrupt and each of the four results pass axe', async ({ openPage }) => {
      const page = await openPage({ viewport });
      const check = async (): Promise<void> => {
        if (viewport.width === 320) {
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(scrollWidth, `page scrolls sideways at 320 px: ${await h1(page).textContent()}`).toBeLessThanOrEqual(320);
        }
        await expectNoAxeViolations(page);
      };

      await visit(page, PATH);
      await check();
      await main(page).getByRole('button', { name: 'Start now' }).click();

      // The error state, on the first question.
      await main(page).getByRole('button', { name: 'Continue' }).click();
      await expect(main(page).locator('.error-summary')).toBeFocused();
      await check();
      await answerWithMouse(page, ['For myself']);

      // Every kind of step and every screener: topics (checkboxes), safety, care, the PHQ-9,
      // the interrupt, the PHQ-9's closing question, the GAD-7, AUDIT-C, the drug question,
      // withdrawal risk, daily life, support and practical fit.
      const profile: Profile = [
        [Q.forWhom, 'For myself'],
        [Q.topicsMyself, ['Low mood or depression', 'Alcohol or drug use']],
        [Q.safety, 'No'],
        [Q.care, 'Left inpatient (hospital) or residential care in the last few months'],
        ...phq(['Several days', 'Several days', ...all('Not at all', 6), 'Several days']),
        [Q.difficulty, 'Somewhat difficult'],
        ...gad('Not at all'),
        [Q.auditFrequency, 'Monthly or less'],
        [Q.auditTypical, '1 or 2'],
        [Q.auditSix, 'Never'],
        [Q.drugs, 'Never'],
        [Q.dailyDrinking, 'Yes'],
        [Q.dailyMedication, 'No'],
        [Q.functioning, 'A little'],
        [Q.support, 'Yes, good support'],
        [Q.attend, 'Yes'],
        [Q.timeOfDay, 'Daytime'],
      ];
      expect(await walk(page, profile, { onScreen: check })).toBe(INTERRUPT);
      await check();
      await main(page).getByRole('button', { name: 'Continue the self-check' }).click();
      expect(await walk(page, profile, { onScreen: check })).toBe(CHECK_ANSWERS);
      await check();

      const seeResult = async (heading: string): Promise<void> => {
        await main(page).getByRole('button', { name: 'See my result' }).click();
        await expect(h1(page)).toHaveText(heading);
        await check();
      };
      const change = async (question: string, label: string): Promise<void> => {
        await main(page).getByRole('button', { name: 'Back to your answers' }).click();
        await expect(h1(page)).toHaveText(CHECK_ANSWERS);
        await main(page).getByRole('button', { name: new RegExp(`^Change your answer to: .*${question}`) }).click();
        await answerWithMouse(page, [label]);
        await expect(h1(page)).toHaveText(CHECK_ANSWERS);
      };

      // Item 9 above "Not at all": get help now.
      await seeResult(RESULTS.getHelpNow);
      // Without it, heavy daily drinking: a medical check first.
      await change(Q.phq[8], 'Not at all');
      await seeResult(RESULTS.higher);
      // Without that, recently out of inpatient care: IOP may fit.
      await change(Q.dailyDrinking, 'No');
      await seeResult(RESULTS.iop);
      // And with no care yet and mild symptoms: weekly care may be enough.
      await change(Q.care, 'None at the moment');
      await seeResult(RESULTS.weekly);

      // The resume screen.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Our programs' })).toBeVisible();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Self-check' }).click();
      await expect(h1(page)).toHaveText('Continue your self-check?');
      await check();
    });
  });
}
