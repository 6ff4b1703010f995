/**
 * The `test` every Frontdoor spec uses. Each page it hands out is watched for what would break
 * a visitor's privacy or trust, and the test fails on any of it:
 * - a request to any origin but Frontdoor's own (data: and blob: URLs are fine);
 * - a Content-Security-Policy violation;
 * - a console error or an uncaught exception.
 * A test that provokes one of these on purpose says so first, naming exactly what to expect.
 */
import {
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  expect,
  test as base,
} from '@playwright/test';

declare global {
  interface Window {
    __cspViolations: string[];
    __reportCspViolation?: (violation: string) => void;
  }
}

/** Collects what went wrong on the pages of one test. */
export class PageGuard {
  private readonly origin: string;
  private readonly offsite: string[] = [];
  private readonly cspViolations: string[] = [];
  private readonly consoleErrors: string[] = [];
  private readonly allowedNavigations: string[] = [];
  private readonly allowedConsoleErrors: RegExp[] = [];

  constructor(baseURL: string) {
    this.origin = new URL(baseURL).origin;
  }

  /** Lets exactly one top-level navigation to `url` leave the site (e.g. Quick exit). */
  allowNavigationTo(url: string): void {
    this.allowedNavigations.push(url);
  }

  /** Lets console errors matching `pattern` pass, e.g. a failed request the test provoked. */
  allowConsoleError(pattern: RegExp): void {
    this.allowedConsoleErrors.push(pattern);
  }

  /** Starts watching `page`; call before its first navigation. */
  async attach(page: Page): Promise<void> {
    page.on('request', (request) => {
      const url = request.url();
      if (this.isOwn(url)) return;
      const allowed = this.allowedNavigations.indexOf(url);
      if (allowed >= 0 && request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        this.allowedNavigations.splice(allowed, 1);
        return;
      }
      this.offsite.push(`${request.method()} ${url}`);
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = `${message.text()} (at ${message.location().url || page.url()})`;
      if (!this.allowedConsoleErrors.some((pattern) => pattern.test(text))) {
        this.consoleErrors.push(text);
      }
    });
    page.on('pageerror', (error) => this.consoleErrors.push(`uncaught: ${error.message}`));
    await page.exposeFunction('__reportCspViolation', (violation: string) => {
      this.cspViolations.push(violation);
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        const violation = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${event.documentURI}`;
        window.__cspViolations.push(violation);
        window.__reportCspViolation?.(violation);
      });
    });
  }

  /** Throws a readable error if anything went wrong on the watched pages. */
  verify(): void {
    const problems = [
      ...this.offsite.map((request) => `request to another origin: ${request}`),
      ...this.cspViolations.map((violation) => `CSP violation: ${violation}`),
      ...this.consoleErrors.map((error) => `console error: ${error}`),
    ];
    if (problems.length > 0) {
      throw new Error(`The page did something a visitor must never meet:\n  ${problems.join('\n  ')}`);
    }
  }

  private isOwn(url: string): boolean {
    if (url.startsWith('data:') || url.startsWith('blob:')) return true;
    try {
      return new URL(url).origin === this.origin;
    } catch {
      return false;
    }
  }
}

/** Opens a guarded page in a fresh context, e.g. with its own viewport. */
export type OpenPage = (options?: BrowserContextOptions) => Promise<Page>;

interface Fixtures {
  guard: PageGuard;
  openPage: OpenPage;
}

export const test = base.extend<Fixtures>({
  guard: async ({ baseURL }, use) => {
    if (!baseURL) throw new Error('baseURL is not set');
    const guard = new PageGuard(baseURL);
    await use(guard);
    guard.verify();
  },
  page: async ({ page, guard }, use) => {
    await guard.attach(page);
    await use(page);
  },
  openPage: async ({ browser, baseURL, guard }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext({ baseURL, ...options });
      contexts.push(context);
      const page = await context.newPage();
      await guard.attach(page);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };

/** Waits until the app has replaced the static shell and nothing on the page is still loading. */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: /loading/i })).toHaveCount(0);
  await expect(page.locator('main h1')).toBeVisible();
}

/** Opens `path` and waits for the app to be ready. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForApp(page);
}

/** Presses Tab until `target` has focus, as a keyboard user would; fails after `limit` presses. */
export async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  await expect(target, 'the control to Tab to is on the page').toBeVisible();
  const visited: string[] = [];
  for (let press = 0; press < limit; press++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
    visited.push(
      await page.evaluate(() => {
        const element = document.activeElement;
        if (!element) return '(nothing)';
        return `<${element.tagName.toLowerCase()}> ${(element.textContent ?? '').trim().slice(0, 40)}`;
      }),
    );
  }
  throw new Error(`Tab never reached the target; focus went to:\n  ${visited.join('\n  ')}`);
}
