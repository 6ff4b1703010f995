import { chromium } from '@playwright/test';
const base = process.env.BASE_URL;
const paths = (process.env.PATHS || '/').split(',');
const widths = (process.env.WIDTHS || '375,1280').split(',').map(Number);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
for (const w of widths) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 800 }, timezoneId: process.env.TZ_ID || 'America/New_York' });
  const page = await ctx.newPage();
  page.on('console', m => { if (m.type() === 'error') console.log('console error', m.text()); });
  page.on('pageerror', e => console.log('pageerror', e.message));
  for (const p of paths) {
    await page.goto(base + p);
    await page.waitForTimeout(1500);
    const name = p.replace(/[^a-z0-9]+/gi, '_') || 'home';
    await page.screenshot({ path: `/tmp/fd/shots/${name}-${w}.png`, fullPage: process.env.FULL === '1' });
  }
  await ctx.close();
}
await browser.close();
