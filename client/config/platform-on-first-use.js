/**
 * Issue 16: Taro's H5 API (@tarojs/taro-h5) imports platform.js for `getDeviceInfo` and `getSystemInfo`, and
 * platform.js parses the user agent as soon as its module is evaluated: 2.5 % of the desk inbox's load (README
 * "Figures"), which calls neither. The H5 build resolves `platform` to this module (config/index.ts), which
 * evaluates platform.js on the first property read and answers from it from then on.
 */
let platform;
const load = () => (platform ??= require('platform/platform.js'));

module.exports = new Proxy(
  {},
  {
    // webpack asks whether a CommonJS module is an ES module when it is imported; that need not load it.
    get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Object.getOwnPropertyDescriptor(load(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  },
);
