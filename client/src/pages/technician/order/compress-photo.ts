import Taro from '@tarojs/taro';

/** JPEG quality of a photo re-encoded on the phone: a camera's megabytes become a few hundred KB a basement's signal can carry. */
const PHOTO_QUALITY = 80;

/**
 * A photo is compressed on the phone before it is kept and uploaded (Taro.compressImage,
 * https://docs.taro.zone/docs/apis/media/image/compressImage; wx.compressImage from base library
 * 2.4.0, whose quality applies to JPEG only). That is WeChat's temporary `.jpg` files; in H5 the
 * picture is a blob: URL, re-encoded on a canvas when it is kept (offline/kept.http.ts). If the
 * phone cannot, the photo is kept as taken.
 */
export const compressedPhoto = async (localPath: string): Promise<string> => {
  if (!/\.jpe?g$/i.test(localPath)) return localPath;
  try {
    return (await Taro.compressImage({ src: localPath, quality: PHOTO_QUALITY })).tempFilePath;
  } catch {
    return localPath;
  }
};
