import Taro from '@tarojs/taro';

/**
 * A linked .xlsx (an export, a printable form) on the phone or PC WeChat: downloaded to the user-data
 * folder under its own name (https://developers.weixin.qq.com/miniprogram/dev/api/network/download/wx.downloadFile.html),
 * then opened in WeChat's document viewer. `wx.openDocument` opens a local path; `fileType: 'xlsx'`
 * is one of its legal values (base library 1.4.0), and `showMenu` (2.11.0; hidden by default since
 * WeChat 7.0.12) shows the menu that forwards the file to a chat or opens it in WPS or Excel on a PC:
 * https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html
 */
export const openXlsx = async (file: { fileName: string; url: string }): Promise<boolean> => {
  try {
    const filePath = `${Taro.env.USER_DATA_PATH}/${file.fileName}`;
    const res = await Taro.downloadFile({ url: file.url, filePath });
    if (res.statusCode !== 200) return false;
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return true;
  } catch {
    return false;
  }
};
