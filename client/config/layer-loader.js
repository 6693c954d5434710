/**
 * Puts a stylesheet in a cascade layer (https://developer.mozilla.org/docs/Web/CSS/@layer): every rule outside a
 * layer wins over it, whatever either's specificity. For Taro's HTML components' styles (h5.useHtmlComponents),
 * which mark every button `.taro-button-core.taro-btn-default` (two classes, gray on black) and so outweighed the
 * app's one-class button styles; Stencil's components styled by element name, which any class outweighed.
 */
module.exports = function layerLoader(source) {
  return `@layer taro-components{${source}}`;
};
