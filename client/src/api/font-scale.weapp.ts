import Taro from '@tarojs/taro';

/** Taro's typing of the result leaves out the two font fields WeChat documents. */
type AppBaseInfo = ReturnType<typeof Taro.getAppBaseInfo> & { fontSizeScaleFactor?: number; fontSizeSetting?: number };

/**
 * WeChat's font size (including 关怀模式) as a factor: `fontSizeScaleFactor` of `wx.getAppBaseInfo()`,
 * base library 2.20.1 (https://developers.weixin.qq.com/miniprogram/dev/api/base/system/wx.getAppBaseInfo.html;
 * `fontSizeSetting`, the size in px, only from 2.23.4). Older base libraries have no such call: the page is
 * drawn at the standard size and the in-app 大字 switch remains.
 */
export const systemFontScale = (): number | undefined => {
  if (typeof Taro.getAppBaseInfo !== 'function') return undefined;
  const info: AppBaseInfo = Taro.getAppBaseInfo();
  return info.fontSizeScaleFactor;
};
