/**
 * What the demo deployment of Frontdoor promises its visitors: names, titles and routes that the
 * specs check. These mirror public/config.json and content/programs/.
 */

export const PRACTICE = 'Northlight Online Therapy';

export const HOME_TITLE = `${PRACTICE} — online therapy and intensive outpatient care`;

/** The neutral page "Quick exit" leaves for (config.json's quick_exit_url). */
export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

/** Program pages, in the order the practice lists them. */
export const PROGRAMS = [
  { slug: 'iop', name: 'Intensive Outpatient Program (IOP)' },
  { slug: 'group-therapy', name: 'Online group therapy' },
  { slug: 'individual-therapy', name: 'Individual therapy' },
  { slug: 'couples-therapy', name: 'Couples therapy' },
  { slug: 'family-therapy', name: 'Family therapy' },
  { slug: 'teen-therapy', name: 'Teen therapy' },
  { slug: 'dbt-self-guided', name: 'DBT self-guided program' },
] as const;

/** Title of a page other than home. */
export function pageTitle(pageName: string): string {
  return `${pageName} — ${PRACTICE}`;
}

/** A route, its h1 (undefined where the copy is free to change) and its document title. */
export interface Route {
  path: string;
  heading?: string;
  title: string;
}

/** Every route a visitor can reach today, plus one that does not exist. */
export const ROUTES: Route[] = [
  { path: '/', title: HOME_TITLE },
  { path: '/programs', heading: 'Our programs', title: pageTitle('Our programs') },
  ...PROGRAMS.map((program) => ({
    path: `/programs/${program.slug}`,
    heading: program.name,
    title: pageTitle(program.name),
  })),
  { path: '/get-help', heading: 'Get help now', title: pageTitle('Get help now') },
  { path: '/no-such-page', heading: 'Page not found', title: pageTitle('Page not found') },
];
