const { browsers } = require('./config/compat');

/**
 * Compiled for the oldest engines the app supports (config/compat.js), dependencies included
 * (config/index.ts sends them through here). `unambiguous` keeps CommonJS dependencies CommonJS
 * when a runtime helper is imported into them.
 */
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: browsers }]],
  sourceType: 'unambiguous',
};
