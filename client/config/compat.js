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
  /**
   * The H5 build is not the mini-program: it runs the local system and its browser tests, and staff on a PC
   * browser (production staff use PC WeChat's mini-program, which gets the weapp build). It is compiled for the
   * PC browsers of 2023 on, which run ECMAScript 2022 as it is (async functions, `?.`, `??`, object spread,
   * default parameters: Safari before 16.3 still needs those compiled, babel's compat data), so it ships no
   * async or spread helpers and no `arguments` juggling (issue 16: the desk's H5 inbox).
   */
  h5Browsers: ['chrome >= 100', 'edge >= 100', 'firefox >= 100', 'safari >= 16.4'],
  h5EcmaVersion: 2022,
};
