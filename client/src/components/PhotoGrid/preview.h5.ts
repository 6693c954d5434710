import type Taro from '@tarojs/taro';
import type * as Viewer from '@tarojs/taro-h5/dist/api/media/image/previewImage.js';

/**
 * Taro's H5 previewImage draws its viewer with the swiper library: about 190 KB of minified code
 * (`@tarojs/taro-h5/dist/api/media/image/previewImage.js` and the 36 modules it imports), which a
 * static import put in every page showing a photo, the desk's inbox among them (issue 16). Loaded on
 * the first tap instead, as its own chunk. Taro's own module, imported by its path: '@tarojs/taro'
 * itself is in the entry chunk, and importing it lazily would keep all its APIs.
 */
export const previewImage = async (options: Taro.previewImage.Option) => {
  // Lazy on purpose; the type import above names the same module, so the import boundaries still check it.
  // eslint-disable-next-line no-restricted-syntax
  const viewer: typeof Viewer = await import(/* webpackChunkName: "preview-image" */ '@tarojs/taro-h5/dist/api/media/image/previewImage.js');
  return viewer.previewImage(options);
};
