import { act } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { reportsUi } from '../../client/src/i18n/reports.zh-CN';
import { FILE, mountExport } from './support/export-harness';
import { settle, until } from './support/fake-backend';

/**
 * Issue 17 (2), in WeChat: 导出 Excel shows the download's percentage with a cancel that aborts it, opens
 * the file in WeChat's viewer with its menu, and on a phone offers 转发到聊天, which hands
 * `wx.shareFileMessage` the downloaded file's path; PC WeChat has no shareFileMessage, so there it is not
 * offered. Taro resolves `utils/open-xlsx` to the weapp file in that build, as the mock below does here;
 * only WeChat's own APIs are stood in for.
 */
jest.mock('../../client/src/utils/open-xlsx', () => jest.requireActual('../../client/src/utils/open-xlsx.weapp'));

/** WeChat's DownloadTask as Taro hands it back: a promise with the task's methods on it. */
const downloadTask = () => {
  let finish: (res: { statusCode: number }) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  let progress: (res: { progress: number }) => void = () => undefined;
  const promise = new Promise((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const abort = jest.fn(() => fail(new Error('downloadFile:fail abort')));
  const task = Object.assign(promise, { onProgressUpdate: (cb: typeof progress) => (progress = cb), abort });
  return { task, abort, finish: (statusCode: number) => finish({ statusCode }), progress: (percent: number) => act(() => progress({ progress: percent })) };
};

const wechat = {
  downloadFile: jest.fn(),
  openDocument: jest.fn(),
  shareFileMessage: jest.fn(),
  getDeviceInfo: jest.fn(),
  canIUse: jest.fn(),
};
type Api = keyof typeof wechat;
const taro = Taro as unknown as Record<string, unknown>;
const saved: Partial<Record<Api | 'env', unknown>> = {};
let download: ReturnType<typeof downloadTask>;

beforeEach(() => {
  download = downloadTask();
  wechat.downloadFile.mockReset().mockImplementation(() => download.task);
  wechat.openDocument.mockReset().mockResolvedValue({ errMsg: 'openDocument:ok' });
  wechat.shareFileMessage.mockReset().mockResolvedValue({ errMsg: 'shareFileMessage:ok' });
  wechat.getDeviceInfo.mockReset().mockReturnValue({ platform: 'android' });
  wechat.canIUse.mockReset().mockReturnValue(true);
  saved.env = taro.env;
  taro.env = { USER_DATA_PATH: 'wxfile://usr' };
  for (const key of Object.keys(wechat) as Api[]) {
    saved[key] = taro[key];
    taro[key] = wechat[key];
  }
});
afterEach(() => {
  for (const key of [...(Object.keys(wechat) as Api[]), 'env' as const]) taro[key] = saved[key];
});

const PATH = `wxfile://usr/${FILE.fileName}`;

describe('导出 Excel in WeChat', () => {
  it('the download shows its percentage; the file opens with its menu; on a phone 转发到聊天 forwards the downloaded path', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    expect(page.q('.export-building')).not.toBeNull();
    page.answer({ ok: true, data: FILE });
    await until(() => page.q('.export-downloading') !== null);
    expect(wechat.downloadFile).toHaveBeenCalledWith({ url: FILE.url, filePath: PATH });

    download.progress(40);
    await settle();
    expect(page.q('.export-percent')?.textContent).toBe('正在下载 40%');
    expect(page.q('.btn-export-cancel')?.textContent).toBe(reportsUi.exportCancel);

    download.finish(200);
    await until(() => page.q('.btn-export-share') !== null);
    expect(wechat.openDocument).toHaveBeenCalledWith({ filePath: PATH, fileType: 'xlsx', showMenu: true });
    expect(page.q('.btn-export-share')?.textContent).toBe(reportsUi.exportShare);
    expect(wechat.shareFileMessage).not.toHaveBeenCalled();

    await page.tap('.btn-export-share');
    expect(wechat.shareFileMessage).toHaveBeenCalledWith({ filePath: PATH, fileName: FILE.fileName });
  });

  it('on PC WeChat (Windows) the file opens with its menu and no 转发到聊天 is offered', async () => {
    wechat.getDeviceInfo.mockReturnValue({ platform: 'windows' });
    const page = mountExport();
    await page.tap('.btn-export');
    page.answer({ ok: true, data: FILE });
    await until(() => page.q('.export-downloading') !== null);
    download.finish(200);
    await until(() => page.q('.export-progress') === null);
    expect(wechat.openDocument).toHaveBeenCalledWith({ filePath: PATH, fileType: 'xlsx', showMenu: true });
    expect(page.q('.btn-export-share')).toBeNull();
  });

  it('取消导出 during the download aborts it: nothing opens', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    page.answer({ ok: true, data: FILE });
    await until(() => page.q('.export-downloading') !== null);
    download.progress(10);
    await page.tap('.btn-export-cancel');
    expect(download.abort).toHaveBeenCalledTimes(1);
    await settle();
    expect(page.q('.export-progress')).toBeNull();
    expect(wechat.openDocument).not.toHaveBeenCalled();
    expect(page.q('.btn-export')?.textContent).toBe('idle');
  });

  it('a download the server answers with an error status opens nothing and offers nothing', async () => {
    const page = mountExport();
    await page.tap('.btn-export');
    page.answer({ ok: true, data: FILE });
    await until(() => page.q('.export-downloading') !== null);
    download.finish(403);
    await until(() => page.q('.export-progress') === null);
    expect(wechat.openDocument).not.toHaveBeenCalled();
  });
});
