import { chromium } from '@playwright/test';
const base = process.env.BASE_URL;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
for (const w of [375, 1280]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 800 }, timezoneId: 'Europe/London', locale: 'en-GB' });
  const page = await ctx.newPage();
  page.on('pageerror', e => console.log('pageerror', e.message));
  const shot = async (n) => { await page.waitForTimeout(400); await page.screenshot({ path: `/tmp/fd/shots/w2-${n}-${w}.png`, fullPage: true }); };
  const main = page.getByRole('main');
  await page.goto(base + '/programs/iop'); await page.waitForTimeout(1500); await shot('iop');
  // self-check quickly
  await page.goto(base + '/self-check'); await page.waitForTimeout(1200);
  await main.getByRole('button', { name: 'Start now' }).click();
  const answers = [[/Who are you/, 'For someone I care about'],[/worried about for them/, 'Grief or loss'],[/thoughts of ending/, 'No'],[/What help are/, 'None at the moment'],[/getting in the way/, 'A little'],[/people at home/, 'Yes, good support'],[/3 hours, 3 days/, 'Yes'],[/Which times/, 'Evenings']];
  for (let i = 0; i < 12; i++) {
    const h = (await main.getByRole('heading', { level: 1 }).textContent()).trim();
    if (h === 'Check your answers') { await main.getByRole('button', { name: 'See my result' }).click(); break; }
    const a = answers.find(([q]) => q.test(h)); if (!a) { console.log('no answer', h); break; }
    await main.getByLabel(a[1], { exact: true }).check(); await main.getByRole('button', { name: 'Continue' }).click(); await page.waitForTimeout(200);
  }
  await page.waitForTimeout(500);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Talk to a coordinator' }).click();
  await page.waitForTimeout(800);
  await main.getByRole('button', { name: /times? free$/ }).nth(15).click(); await shot('time');
  await main.locator('button[data-start]').nth(3).click(); await shot('details-summary');
  await page.goto(base + '/call/other-times'); await page.waitForTimeout(1200); await shot('other');
  await ctx.close();
}
await browser.close();
