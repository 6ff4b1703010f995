/**
 * Accessibility checks with axe: WCAG 2.0, 2.1 and 2.2 levels A and AA, including the target
 * size rule that matters most to people using a phone with unsteady hands.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

import { expect } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** Runs axe on the page as it is now and fails, listing each problem, if any rule is violated. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ rules: { 'target-size': { enabled: true } } })
    .analyze();
  expect(results.violations, describeViolations(page.url(), results.violations)).toEqual([]);
}

function describeViolations(url: string, violations: Violation[]): string {
  if (violations.length === 0) return `no axe violations on ${url}`;
  const lines = violations.flatMap((violation) => [
    `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} — ${violation.helpUrl}`,
    ...violation.nodes.map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}`),
  ]);
  return `${violations.length} axe violation(s) on ${url}:\n  ${lines.join('\n  ')}`;
}
