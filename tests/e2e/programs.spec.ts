/**
 * Program pages and the home page as a visitor and a search engine meet them: one h1, headings
 * in order, a title and description of their own; group topics leading into the filtered
 * search; content from the API always shown as text, never run; and a page that prints well.
 */
import type { Page } from '@playwright/test';

import { expect, test, visit } from './fixtures';
import { PROGRAMS, pageTitle } from './site';

/** Every heading in the page's main content, as level and text. */
async function headings(page: Page): Promise<{ level: number; text: string }[]> {
  return page.locator('main').evaluate((main) =>
    Array.from(main.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => ({
      level: Number(h.tagName.slice(1)),
      text: (h.textContent ?? '').trim(),
    })),
  );
}

async function metaDescription(page: Page): Promise<string> {
  return (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
}

const PAGES = [
  { path: '/', title: undefined as string | undefined, heading: undefined as string | undefined },
  { path: '/programs', title: pageTitle('Our programs'), heading: 'Our programs' },
  ...PROGRAMS.map((program) => ({
    path: `/programs/${program.slug}`,
    title: pageTitle(program.name),
    heading: program.name,
  })),
];

test('every program page has one h1, headings in order, and its own title and description', async ({
  page,
}) => {
  const titles = new Set<string>();
  const descriptions = new Set<string>();
  for (const { path, title, heading } of PAGES) {
    await visit(page, path);
    if (heading) {
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    }
    if (title) await expect(page, `title of ${path}`).toHaveTitle(title);

    const found = await headings(page);
    expect(found.filter((h) => h.level === 1), `one h1 on ${path}`).toHaveLength(1);
    expect(found[0]?.level, `${path} starts with its h1`).toBe(1);
    for (let i = 1; i < found.length; i++) {
      expect(
        found[i].level,
        `on ${path}, "${found[i].text}" (h${found[i].level}) follows "${found[i - 1].text}" (h${found[i - 1].level})`,
      ).toBeLessThanOrEqual(found[i - 1].level + 1);
    }
    if (path.startsWith('/programs/')) {
      expect(found.filter((h) => h.level === 2).length, `${path} has sections`).toBeGreaterThanOrEqual(4);
    }

    const description = await metaDescription(page);
    expect(description.length, `description of ${path}`).toBeGreaterThan(40);
    titles.add(await page.title());
    descriptions.add(description);
  }
  expect(titles.size, 'every title is different').toBe(PAGES.length);
  expect(descriptions.size, 'every description is different').toBe(PAGES.length);
});

test('the IOP page compares levels of care and leads to the self-check', async ({ page }) => {
  await visit(page, '/programs/iop');
  const table = page.getByRole('table', { name: 'Weekly therapy, IOP and inpatient care side by side' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Compared on',
    'Weekly therapy',
    'Intensive Outpatient Program (IOP)',
    'Inpatient care',
  ]);
  await expect(page.getByRole('heading', { level: 2, name: 'Is IOP right for me?' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Is IOP right for me?' })).toHaveAttribute('href', '/self-check');
  await expect(page.getByRole('main')).toContainText('3 to 5 hours');
});

test('group topics open the group search with that topic chosen', async ({ page }) => {
  await visit(page, '/programs/group-therapy');
  const topics = page.getByRole('main').getByRole('list').filter({ has: page.getByRole('link', { name: 'Grief & loss' }) });
  const links = topics.getByRole('link');
  expect(await links.count()).toBeGreaterThanOrEqual(16);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^\/groups\?topic=[a-z0-9-]+$/);
  }
  await page.getByRole('link', { name: 'Grief & loss' }).click();
  await expect(page).toHaveURL(/\/groups\?topic=grief-loss$/);
});

test('markup in program content is shown as text and never runs', async ({ page }) => {
  const script = '<script>window.__pwned=1</script>';
  const image = '<img src=x onerror="window.__pwned=2">';
  await page.route('**/api/v1/programs/iop', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        slug: 'iop',
        name: 'Intensive Outpatient Program (IOP)',
        summary: `Summary ${script}`,
        sections: [
          {
            heading: `Heading ${script}`,
            blocks: [
              { type: 'paragraph', text: `Before ${script} ${image} after` },
              { type: 'list', items: [image] },
              { type: 'faq', items: [{ question: script, answer: image }] },
              { type: 'call_to_action', label: 'Sneaky', href: 'javascript:window.__pwned=3' },
              { type: 'link_list', items: [{ label: script, href: '//evil.example.com/' }] },
            ],
          },
        ],
      }),
    }),
  );
  await visit(page, '/programs/iop');
  const main = page.getByRole('main');
  await expect(main.getByText(`Before ${script} ${image} after`, { exact: true })).toBeVisible();
  await expect(main.getByRole('heading', { level: 2, name: `Heading ${script}` })).toBeVisible();
  await expect(main.getByRole('heading', { level: 3, name: script })).toBeVisible();

  expect(await main.locator('script, img').count(), 'no element made from content').toBe(0);
  await expect(main.getByRole('link', { name: 'Sneaky' })).toHaveCount(0);
  await expect(main.getByText('Sneaky')).toBeVisible();
  await expect(main.getByRole('link', { name: script })).toHaveCount(0);
  await page.getByText('Sneaky').click();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('the home page shows the offer, three first steps and the crisis line', async ({ page }) => {
  await visit(page, '/');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(main.getByRole('link', { name: 'Check if IOP is right for you' })).toHaveAttribute('href', '/self-check');
  await expect(main.getByRole('link', { name: 'Find a group' })).toHaveAttribute('href', '/groups');
  await expect(main.getByRole('link', { name: 'Talk to a care coordinator' })).toHaveAttribute('href', '/call');
  await expect(main.getByRole('link', { name: 'Call 988' })).toHaveAttribute('href', 'tel:988');
});

test('a printed program page leaves out navigation and controls but keeps the content', async ({ page }) => {
  await visit(page, '/programs/iop');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Quick exit' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Intensive Outpatient Program (IOP)' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('988');
});
