import { chromium } from '@playwright/test';
const base = process.env.BASE_URL;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu','--disable-dev-shm-usage'] });
for (const w of [375, 1280]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 800 }, timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await ctx.newPage();
  page.on('pageerror', e => console.log('pageerror', e.message));
  const shot = async (n) => { await page.waitForTimeout(400); await page.screenshot({ path: `/tmp/fd/shots/walk-${n}-${w}.png`, fullPage: true }); };
  const main = page.getByRole('main');
  await page.goto(base + '/'); await page.waitForTimeout(1500); await shot('0home');
  await page.goto(base + '/programs/group-therapy'); await page.waitForTimeout(1500); await shot('0group');
  await page.goto(base + '/call'); await page.waitForTimeout(1500);
  await main.getByRole('button', { name: /times? free$/ }).nth(13).click(); await shot('2time');
  await main.locator('button[data-start]').nth(2).click(); 
  await main.getByRole('button', { name: 'Continue' }).click(); await shot('3details-errors');
  await main.getByLabel('Video call: we send you a link').check();
  await main.getByLabel('Your name').fill('Sam Rivera');
  await main.getByLabel('Email address').fill('sam@example.org');
  await main.getByLabel('Anything you would like the coordinator to know before the call').fill('Evenings are best, please.');
  await main.getByRole('button', { name: 'Continue' }).click(); await shot('4review');
  await main.getByRole('button', { name: 'Confirm booking' }).click(); await page.waitForTimeout(1000); await shot('5confirmed');
  const href = await main.getByRole('link', { name: 'View, change or cancel your call' }).getAttribute('href');
  await page.goto(base + href); await page.waitForTimeout(1500); await shot('6manage');
  await main.getByRole('button', { name: 'Change the time' }).click(); await page.waitForTimeout(800); await shot('7reschedule');
  await main.getByRole('button', { name: /times? free$/ }).nth(14).click(); await main.locator('button[data-start]').nth(1).click(); await shot('8confirm-move');
  await ctx.close();
}
await browser.close();
