import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { periodAt, previousPeriod, spanOf } from '@shared/time/report-period';
import { startSystem, signIn, picture } from './browser';

jest.setTimeout(240_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const repairV3 = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', 'repair.v3.json'), 'utf8')) as Record<string, unknown>;
const CATEGORIES = ['water', 'electrical', 'door_window', 'water', 'elevator', 'water'];

/** Returned work orders counted for `month`, `days` back after dispatch, in buildings 1–3. */
const orders = (month: string, count: number, prefix: string) => {
  const start = spanOf(month).from.getTime();
  return Array.from({ length: count }, (_x, i) => {
    const dispatchedAt = new Date(start + (i + 1) * 3_600_000 * 20).toISOString();
    const completedAt = new Date(Date.parse(dispatchedAt) + (i % 4 === 3 ? 4 : 1) * 86_400_000).toISOString();
    return {
      ...repairV3,
      _id: `${prefix}${i}`,
      status: 'signed',
      priority: 'normal',
      category: CATEGORIES[i % CATEGORIES.length],
      address: { building: String((i % 3) + 1), unit: '1', room: '101' },
      technician: { memberId: 'mb_otechli', openid: 'o-tech-li', name: '李建国' },
      createdAt: dispatchedAt,
      dispatchedAt,
      completedAt,
      signOff: { signature: 'cloud://local.local/uploads/mb_otechli/s.png', at: completedAt },
      rating: { quality: 4 + (i % 2), attitude: 5, comment: '', at: completedAt, via: 'on_site' },
      countsFor: month,
    };
  });
};

/**
 * Ink on the chart's canvas (drawn pixels, not transparent, not the white background), once it
 * passes 500; 0 when it never does within 15 s. Polled, because a fresh HTML canvas is 300 px wide
 * before anything is drawn on it, so its width says nothing about the chart.
 */
const inked = (page: Page, id: string) =>
  page
    .waitForFunction((selector) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || !canvas.width) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200)) ink++;
      return ink > 500 ? ink : 0;
    }, `canvas#${id}`, { timeout: 15_000 })
    .then((handle) => handle.jsonValue() as Promise<number>, () => 0);

/**
 * Issue 17 (2) in the H5 build: 刘主管 opens the month's report from his home, sees its charts
 * drawn, and exports it to Excel, which downloads and reads back; screenshots at 390 and 1280 px.
 */
describe('e2e: the supervisor\'s monthly report, its charts and its Excel file', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    system = await startSystem();
    const month = periodAt('month', new Date());
    system.runtime.engine.insertRaw('repairs', [...orders(month, 8, 'rp_e2e_now_'), ...orders(previousPeriod(month), 5, 'rp_e2e_before_')]);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('R12: the report opens on this month against the last, the charts draw, and 导出 Excel downloads the workbook', async () => {
    const supervisor = await signIn(system.browser, system.url, '刘主管');
    await supervisor.locator('.link-reports').click();
    await supervisor.locator('.reports-page .report-summary').waitFor();
    await expect(supervisor.locator('#period-kind-month').getAttribute('class')).resolves.toContain('chip-on');
    await expect(supervisor.locator('.summary-table .figure-row').nth(1).innerText()).resolves.toMatch(/报修总数\s+8\s+5\s+\+3/);
    await expect(inked(supervisor, 'chart-rates')).resolves.toBeGreaterThan(500);
    await expect(inked(supervisor, 'chart-categories')).resolves.toBeGreaterThan(500);

    // Each width opens the page afresh, so the charts are drawn at that width; the shot shows the first chart.
    for (const size of [{ name: 'phone', width: 390, height: 844 }, { name: 'pc', width: 1280, height: 800 }]) {
      await supervisor.setViewportSize({ width: size.width, height: size.height });
      await supervisor.reload();
      await supervisor.locator('.reports-page .report-summary').waitFor();
      await expect(inked(supervisor, 'chart-rates')).resolves.toBeGreaterThan(500);
      await supervisor.locator(size.name === 'pc' ? '.report-summary' : '.report-rates').scrollIntoViewIfNeeded();
      await supervisor.waitForTimeout(400);
      await expect(supervisor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
      await picture(supervisor, { path: join(shots, `supervisor-report-${size.name}.png`) });
    }

    const downloading = supervisor.waitForEvent('download');
    await supervisor.locator('#report-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^阳光花园\d{4}年\d{1,2}月统计报表\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const summary = book.getWorksheet('综合指标') as ExcelJS.Worksheet;
    expect([summary.getCell('A5').value, summary.getCell('B5').value, summary.getCell('C5').value]).toEqual(['报修总数', 8, 5]);
  });
});
