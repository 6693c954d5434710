import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { startSystem, signIn } from './browser';

jest.setTimeout(240_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');

/**
 * Issue 17 (2) in the H5 build: 刘主管 starts an export and reloads the page before it is done; back
 * on the report, 最近导出 lists it, and 打开 downloads the workbook. Screenshots at 390 and 1280 px.
 */
describe('e2e: an export left behind is picked up from 最近导出', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('the supervisor leaves the page while the file is built, comes back and opens it from 最近导出', async () => {
    const supervisor = await signIn(system.browser, system.url, '刘主管');
    await supervisor.locator('.link-reports').click();
    await supervisor.locator('.reports-page .report-summary').waitFor();
    await expect(supervisor.locator('.recent-exports .list-empty').innerText()).resolves.toContain('近 7 天没有导出过报表');

    await supervisor.locator('#report-export').click();
    await supervisor.reload();
    await supervisor.locator('.reports-page .report-summary').waitFor();
    for (let tries = 0; tries < 20 && !(await supervisor.locator('.recent-export-ready').count()); tries++) {
      await supervisor.waitForTimeout(500);
      await supervisor.reload();
      await supervisor.locator('.reports-page .report-summary').waitFor();
    }
    const row = supervisor.locator('.recent-export-ready');
    await expect(row.count()).resolves.toBe(1);
    await expect(row.innerText()).resolves.toMatch(/\d{4}年\d{1,2}月统计报表/);

    for (const size of [{ name: 'phone', width: 390, height: 844 }, { name: 'pc', width: 1280, height: 800 }]) {
      await supervisor.setViewportSize({ width: size.width, height: size.height });
      await supervisor.locator('.recent-exports').scrollIntoViewIfNeeded();
      await supervisor.waitForTimeout(300);
      await expect(supervisor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
      await supervisor.locator('.recent-exports').screenshot({ path: join(shots, `supervisor-recent-exports-${size.name}.png`) });
    }

    const downloading = supervisor.waitForEvent('download');
    await row.locator('.recent-export-open').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^阳光花园\d{4}年\d{1,2}月统计报表\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(book.getWorksheet('综合指标')).toBeDefined();
  });
});
