// Opens the search benchmark page in headless Chromium (playwright-core from tools/node) and
// prints its measurements as one JSON line.
//
// usage: node search_driver.mjs <page dir> <tools/node dir> <chromium> <flags as JSON> <settings as JSON>
//
// The page's files are served from memory on http://localhost/ with cross-origin isolation
// headers, so performance.now() has its fine (5 µs) resolution rather than the coarse default.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const [dir, toolsDir, executablePath, flagsJson, settingsJson] = process.argv.slice(2);
const require = createRequire(path.resolve(toolsDir, 'package.json'));
const { chromium } = require('playwright-core');

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
const ORIGIN = 'http://localhost';

const browser = await chromium.launch({ executablePath, args: JSON.parse(flagsJson) });
try {
  const context = await browser.newContext();
  await context.route(`${ORIGIN}/**`, async (route) => {
    const name = path.basename(new URL(route.request().url()).pathname) || 'index.html';
    try {
      const body = await readFile(path.join(dir, name));
      await route.fulfill({
        body,
        contentType: TYPES[path.extname(name)] ?? 'application/octet-stream',
        headers: {
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
          'Cross-Origin-Resource-Policy': 'same-origin',
        },
      });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => window.searchBenchReady === true);
  const result = await page.evaluate((settings) => window.runSearchBench(settings), JSON.parse(settingsJson));
  if (errors.length > 0) throw new Error(errors.join('\n'));
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await browser.close();
}
