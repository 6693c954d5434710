import Taro from '@tarojs/taro';
import type { XlsxDownload, XlsxLink, XlsxOutcome } from './open-xlsx.types';

/**
 * Where WeChat forwards a file to a chat: `wx.shareFileMessage` (base library 2.16.1) takes a local
 * path and may only be called from a tap
 * (https://developers.weixin.qq.com/miniprogram/dev/api/share/wx.shareFileMessage.html). Its page lists
 * no PC support, and WeChat's community staff answer that Windows WeChat has none
 * (https://developers.weixin.qq.com/community/develop/doc/000aee970c8ba84d76e3893f664c00): on a PC the
 * document viewer's menu forwards the file instead. Platforms as `wx.getDeviceInfo` names them
 * (https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getDeviceInfo.html).
 */
const PHONES = ['ios', 'android', 'ohos'];
const canForward = () => Taro.canIUse('shareFileMessage') && PHONES.includes(Taro.getDeviceInfo().platform);

/**
 * A linked .xlsx (an export, a printable form) on the phone or PC WeChat: downloaded to the user-data
 * folder under its own name, reporting its progress, abortable
 * (https://developers.weixin.qq.com/miniprogram/dev/api/network/download/DownloadTask.html), then opened
 * in WeChat's document viewer. `wx.openDocument` opens a local path; `fileType: 'xlsx'` is one of its
 * legal values (base library 1.4.0), and `showMenu` (2.11.0; hidden by default since WeChat 7.0.12) shows
 * the menu that forwards the file or opens it in WPS or Excel on a PC:
 * https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html
 */
export const downloadXlsx = (file: XlsxLink, onProgress: (percent: number) => void): XlsxDownload => {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
  let cancelled = false;
  const task = Taro.downloadFile({ url: file.url, filePath });
  task.onProgressUpdate(({ progress }) => onProgress(progress));
  const done = (async (): Promise<XlsxOutcome> => {
    try {
      const res = await task;
      if (cancelled || res.statusCode !== 200) return { ok: false, cancelled };
      await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
      const share = canForward() ? () => Taro.shareFileMessage({ filePath, fileName: file.fileName }).then(() => true, () => false) : null;
      return { ok: true, share };
    } catch {
      return { ok: false, cancelled };
    }
  })();
  return {
    done,
    cancel: () => {
      cancelled = true;
      task.abort();
    },
  };
};

/** A linked .xlsx opened in one go, with no progress shown (the printable forms). */
export const openXlsx = async (file: XlsxLink): Promise<boolean> => (await downloadXlsx(file, () => undefined).done).ok;
