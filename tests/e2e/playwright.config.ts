import { defineConfig } from '@playwright/test';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/** The running Frontdoor under test; `cargo xtask test` starts one and sets this. */
const baseURL = process.env.BASE_URL;
if (!baseURL) {
  throw new Error('Set BASE_URL to a running Frontdoor, e.g. BASE_URL=http://127.0.0.1:8080');
}

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  forbidOnly: true,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  // A hung browser must not hold CI: the whole suite normally takes a few minutes.
  globalTimeout: 15 * 60_000,
  // `cargo xtask test` gives each run its own folder, so runs in one checkout never collide.
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? 'test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
});
