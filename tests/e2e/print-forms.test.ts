import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { startSystem, signIn, picture } from './browser';

jest.setTimeout(240_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const PC = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** What is on the screen: the H5 router keeps the pages behind the current one in the document, hidden. */
const on = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.closest('.keyable')?.id ?? '');

/**
 * Issue 19 (4) in the H5 build: 小陈 at the PC prints the work order of the repair beside the queue:
 * Tab reaches 打印, Enter presses it, the browser downloads the .xlsx, and it reads back as the form.
 * The repair detail with its print action is shot at 390 and 1280 px.
 */
describe('e2e: the desk prints a work order from the repair detail', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
    const created = (await system.runtime.invoke(
      'repairs',
      {
        action: 'create',
        input: { propertyId: 'demo', commandId: 'e2e-print-repair-1', roomId: 'demo:1-1-101', category: 'water', description: '卫生间地漏堵塞，水漫到客厅', preferredTime: null, photos: [] },
      },
      { openid: 'o-res-wang' },
    )) as { ok: boolean; data: { id: string } };
    expect(created.ok).toBe(true);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('at 1280 px: Tab reaches 打印 on the chosen repair, Enter downloads the work order, which reads back with its facts and A4 page setup', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.setViewportSize(PC);
    await on(desk, '.desk-inbox-list .repair-card').first().waitFor();
    const print = on(desk, '.desk-inbox-detail #print-work-order');
    await print.waitFor();
    await expect(print.innerText()).resolves.toContain('打印');
    await expect(print.locator('.app-icon').count()).resolves.toBe(1);

    // From the control before it, the keyboard alone: Tab to 打印, Enter.
    await on(desk, '.desk-inbox-detail #print-work-order').focus();
    await desk.keyboard.press('Shift+Tab');
    await expect(focusedId(desk)).resolves.not.toBe('print-work-order');
    await desk.keyboard.press('Tab');
    await expect(focusedId(desk)).resolves.toBe('print-work-order');
    const downloading = desk.waitForEvent('download');
    await desk.keyboard.press('Enter');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^阳光花园维修派工单-1-1-101-\d{4}-\d{2}-\d{2}\.xlsx$/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.getWorksheet('维修派工单') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toBe('阳光花园维修派工单');
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows.find((r) => r[0] === '业主姓名')?.slice(0, 4)).toEqual(['业主姓名', '王秀英', '联系电话', '13800000101']);
    expect(rows.find((r) => r[0] === '报修内容')?.[1]).toBe('卫生间地漏堵塞，水漫到客厅');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1']));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, printTitlesRow: '1:2', printArea: `A1:D${sheet.rowCount}` });

    // The shot waits out the toast that names the file (1.5 s), so the action is seen as it stands.
    await print.scrollIntoViewIfNeeded();
    await desk.waitForTimeout(2000);
    await picture(desk, { path: join(shots, 'desk-repair-print-pc.png') });
    await desk.setViewportSize(PHONE);
    await on(desk, '.desk-inbox-list .repair-card').first().click();
    const phonePrint = on(desk, '.desk-repair #print-work-order');
    await phonePrint.waitFor();
    await phonePrint.scrollIntoViewIfNeeded();
    await desk.waitForTimeout(300);
    await expect(desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
    await picture(desk, { path: join(shots, 'desk-repair-print-phone.png') });
  });
});
