const { browsers, h5Browsers } = require('./config/compat');

/**
 * The mini-program compiled for the oldest engines the app supports (config/compat.js), dependencies
 * included (config/index.ts sends them through here); the H5 build for the modern browsers it runs in
 * (`h5Browsers`). `unambiguous` keeps CommonJS dependencies CommonJS when a runtime helper is imported into them.
 */
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: process.env.TARO_ENV === 'h5' ? h5Browsers : browsers }]],
  sourceType: 'unambiguous',
};
