import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { signIn, startSystem, picture } from './browser';

jest.setTimeout(180_000);

const shots = resolve(__dirname, '..', '..', 'docs', 'screenshots');
const PC = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The page at a phone's width and at a PC's, into docs/screenshots/; the page is left at 1280. */
const shootBoth = async (page: Page, name: string) => {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize(PHONE);
  await picture(page, { path: join(shots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize(PC);
  await picture(page, { path: join(shots, `${name}-pc.png`), fullPage: true });
};

const HEADER = ['类别', '开启位置', '钥匙编号', '组别', '押金（元）'];

const workbook = async (rows: string[][]): Promise<Buffer> => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('钥匙登记');
  for (const row of [HEADER, ...rows]) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
};

const choose = async (page: Page, name: string, buffer: Buffer) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.btn-choose-file').click()]);
  await chooser.setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
};

const clean = [
  ['住户钥匙', '1-1-101', 'Z-1-1-101', '常用', '0'],
  ['住户钥匙', '1-1-101', 'Z-1-1-101-备', '备用', '0'],
  ['设备房', '2号楼水泵房', 'SB-02', '常用', '200'],
  ['设备房', '2号楼水泵房', 'SB-02-备', '备用', '200'],
];

/**
 * Issue 19, 2 (K1), in the H5 build at 1280 px: the desk opens the import from the key register,
 * chooses a sheet with mistakes and is shown each one by its row and column in Chinese with nothing
 * written; chooses the corrected sheet, sees the keys previewed, commits, and finds them in the register.
 */
describe('e2e: the key register imported from a spreadsheet, previewed, then committed', () => {
  let system: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('K1: a sheet with mistakes is refused row by row and column by column; the corrected sheet is previewed and committed', async () => {
    const desk = await signIn(system.browser, system.url, '陈晓');
    await desk.setViewportSize(PC);
    await desk.locator('.link-keys').click();
    await desk.locator('.btn-key-import').click();

    await choose(desk, '钥匙登记.xlsx', await workbook([...clean.slice(0, 3), ['设备房', '2号楼水泵房', 'SB-02-备', '备份', '二百'], ['住户钥匙', '9-9-909', 'Z-9', '常用', '0']]));
    const refused = desk.locator('.key-import-refused');
    await refused.waitFor();
    await expect(refused.locator('.import-problem').allInnerTexts()).resolves.toEqual([
      '第 5 行「组别」：只能填 常用 或 备用',
      '第 5 行「押金（元）」：请填写金额（元），如 200 或 0，最多 10000',
      '第 6 行「开启位置」：小区里没有这个房号，请先导入房屋',
      '设备房没有应急备用钥匙：请至少登记一把“组别”为“备用”的',
    ]);
    expect(system.runtime.engine.collection('keys').all()).toEqual([]);
    await shootBoth(desk, 'desk-key-import-refused');

    await choose(desk, '钥匙登记.xlsx', await workbook(clean));
    const preview = desk.locator('.key-import-previewed');
    await preview.waitFor();
    await expect(preview.locator('.key-import-counts').innerText()).resolves.toBe('共 4 把：新登记 4 把，已在册 0 把（保持不变）');
    await expect(preview.locator('.key-import-what').first().innerText()).resolves.toBe('住户钥匙 · 1-1-101 · Z-1-1-101 · 日常 · 免押金');
    expect(system.runtime.engine.collection('keys').all()).toEqual([]);
    await shootBoth(desk, 'desk-key-import-preview');

    await preview.locator('.btn-key-import-commit').click();
    const done = desk.locator('.key-import-committed');
    await done.waitFor();
    await expect(done.locator('.key-import-counts').innerText()).resolves.toBe('新登记 4 把，已在册 0 把保持不变');
    expect(system.runtime.engine.collection('keys').all()).toHaveLength(4);

    await done.locator('.btn-key-import-done').click();
    await desk.locator('#key-kind-equipment').click();
    await desk.locator('.key-row', { hasText: 'SB-02-备' }).waitFor();
    await expect(desk.locator('.key-row', { hasText: 'SB-02-备' }).locator('.key-meta').innerText()).resolves.toBe('应急备用 · 押金 200.00 元');
  });
});
