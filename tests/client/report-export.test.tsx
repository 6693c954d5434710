import { reportsUi } from '../../client/src/i18n/reports.zh-CN';
import { FILE, mountExport } from './support/export-harness';
import { settle, until } from './support/fake-backend';

/**
 * Issue 17 (2), in the browser (H5): 导出 Excel says the file is being built, with a cancel, and then
 * downloads it under its own name; a browser has no chat to forward it to.
 * (WeChat's side: report-export-weapp.test.tsx.)
 */
describe('导出 Excel in the browser', () => {
  let clicked: HTMLAnchorElement[];
  let click: jest.SpyInstance;
  beforeEach(() => {
    clicked = [];
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });
  afterEach(() => click.mockRestore());

  it('while the function builds the file the page says so with a cancel; then the file downloads under its name and no chat is offered', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    expect(page.q('.export-building')?.textContent).toContain('正在生成 Excel');
    expect(page.q('.btn-export-cancel')?.textContent).toBe(reportsUi.exportCancel);
    expect(page.q('.btn-export')?.textContent).toBe('busy');

    page.answer({ ok: true, data: FILE });
    await until(() => page.q('.export-progress') === null);
    expect(clicked.map((a) => [a.download, a.href])).toEqual([[FILE.fileName, FILE.url]]);
    expect(page.q('.btn-export-share')).toBeNull();
    expect(page.q('.btn-export')?.textContent).toBe('idle');
  });

  it('cancelled while the file is built, the answer that comes later downloads nothing', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    await page.tap('.btn-export-cancel');
    expect(page.q('.export-progress')).toBeNull();
    page.answer({ ok: true, data: FILE });
    await settle();
    expect(clicked).toEqual([]);
    expect(page.q('.btn-export')?.textContent).toBe('idle');
  });

  it('a refusal from the function ends the export with nothing downloaded', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    page.answer({ ok: false, message: '您没有权限' });
    await until(() => page.q('.export-progress') === null);
    expect(clicked).toEqual([]);
  });

  it('a try the function did not decide (no answer, busy) is sent again under the same command id; a file made starts a new one', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    page.answer({ ok: false, code: 'COMMON.BUSY', message: '网络不太好，请稍后再试' });
    await until(() => page.q('.export-progress') === null);
    await page.tap('.btn-export');
    page.answer({ ok: true, data: FILE });
    await until(() => page.q('.export-progress') === null);
    await page.tap('.btn-export');
    const [first, again, next] = page.sent;
    expect(again).toBe(first);
    expect(next).toEqual(expect.any(String));
    expect(next).not.toBe(first);
  });

  it('a build the function recorded failed says so under the button, and the next tap is a new export', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    page.answer({ ok: false, code: 'REPORT.EXPORT_FAILED', message: '这份 Excel 没有生成成功' });
    await until(() => page.q('.export-failed') !== null);
    expect(page.q('.export-failed')?.textContent).toBe('这份 Excel 没有生成成功');
    expect(page.q('.btn-export-cancel')).toBeNull();
    expect(page.q('.btn-export')?.textContent).toBe('idle');
    expect(clicked).toEqual([]);
    await page.tap('.btn-export');
    expect(page.q('.export-failed')).toBeNull();
    expect(page.sent[1]).not.toBe(page.sent[0]);
  });
});
