import { expect, test, visit } from './fixtures';
for (const width of [375, 1280]) {
  test(`shots ${width}`, async ({ openPage }) => {
    test.setTimeout(120_000);
    const page = await openPage({ viewport: { width, height: 900 } });
    const shot = (name: string) => page.screenshot({ path: `/tmp/shot-${width}-${name}.png`, fullPage: true });
    const main = page.getByRole('main');
    const next = async (label: string[]) => { for (const l of label) await main.getByLabel(l, { exact: true }).check(); await main.getByRole('button', { name: 'Continue' }).click(); };
    await visit(page, '/self-check');
    await main.getByRole('button', { name: 'Start now' }).click();
    await main.getByRole('button', { name: 'Continue' }).click();
    await shot('1-error');
    await next(['For myself']);
    await next(['Low mood or depression']);
    await shot('2-topics-after');
    await next(['No']);
    await next(['None at the moment']);
    await shot('3-phq1');
    for (let i = 0; i < 8; i++) await next(['Not at all']);
    await next(['Several days']);
    await shot('4-interrupt');
    await main.getByRole('button', { name: 'Continue the self-check' }).click();
    await next(['Somewhat difficult']);
    for (let i = 0; i < 7; i++) await next(['Not at all']);
    await next(['Quite a lot']); await next(['Some support']); await next(['Yes']); await next(['Daytime']);
    await expect(main.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
    await shot('5-check');
    await main.getByRole('button', { name: 'See my result' }).click();
    await shot('6-result');
    await page.emulateMedia({ media: 'print' });
    await shot('7-print');
  });
}
