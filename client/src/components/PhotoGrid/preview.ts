import Taro from '@tarojs/taro';

/** The full-screen viewer of the platform (WeChat's own); `preview.h5.ts` is the H5 build's. */
export const previewImage = (options: Taro.previewImage.Option) => Taro.previewImage(options);
