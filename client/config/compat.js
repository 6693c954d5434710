/**
 * The oldest WeChat the mini-program runs on, and what that means for the JavaScript it may ship.
 *
 * - Base library 2.32.3: the privacy APIs the photo, file and clipboard flows depend on
 *   (`wx.onNeedPrivacyAuthorization`, `wx.openPrivacyContract`) start there
 *   (https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html).
 *   `project.config.json` `libVersion` names the same version so DevTools debugs on it; the requirement
 *   itself is set in the admin console, 设置 - 基本设置 - 基础库最低版本设置
 *   (https://developers.weixin.qq.com/miniprogram/dev/framework/compatibility.html).
 * - The engines behind it: WeChat's own compatibility data (wechat-miniprogram/miniprogram-compat,
 *   `data/browserslist.json`, linked from "JavaScript 支持情况",
 *   https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html) lists
 *   iOS 11, Chrome 66 and Safari 10 for every base library from 2.20.2. Syntax cannot be polyfilled
 *   (same page), so everything shipped is compiled for them.
 * - ECMAScript 2015 is the newest level all three parse: Safari 10.0 has neither `**` nor async
 *   functions (10.1), iOS 11.0–11.2 no object spread (11.3), none of them `?.` or `??`.
 */
module.exports = {
  baseLibrary: '2.32.3',
  browsers: ['ios >= 11', 'chrome >= 66', 'safari >= 10'],
  ecmaVersion: 2015,
};
