import Taro from '@tarojs/taro';
import { newCommandId } from '../api/command-id';
import { uploadCloudFileTo } from '../api/cloud.storage';
import { keptUploadPath } from './local-files';

const extensionOf = (path: string) => /\.(jpe?g|png|webp|gif)$/i.exec(path)?.[0].toLowerCase() ?? '.jpg';
/** JPEG quality of a photo re-encoded on the phone: a camera's megabytes become a few hundred KB a basement's signal can carry. */
const PHOTO_QUALITY = 80;

/**
 * A photo is compressed on the phone before it is kept and uploaded (Taro.compressImage,
 * https://docs.taro.zone/docs/apis/media/image/compressImage; wx.compressImage from base library
 * 2.4.0, whose quality applies to JPEG only, so a signature's PNG is kept as drawn). If the phone
 * cannot, the photo is kept as taken.
 */
const compressed = async (localPath: string): Promise<string> => {
  if (!/\.jpe?g$/i.test(localPath)) return localPath;
  try {
    return (await Taro.compressImage({ src: localPath, quality: PHOTO_QUALITY })).tempFilePath;
  } catch {
    return localPath;
  }
};

/** WeChat deletes temporary files; a photo or signature taken offline is moved into the user-data folder, named by an id of its own. */
export const keepCloudFile = async (localPath: string): Promise<string | null> => {
  const tempFilePath = await compressed(localPath);
  return new Promise((resolve) => {
    const filePath = `${Taro.env.USER_DATA_PATH}/onsite-${newCommandId()}${extensionOf(localPath)}`;
    Taro.getFileSystemManager().saveFile({
      tempFilePath,
      filePath,
      success: (res) => resolve(res.savedFilePath || filePath),
      fail: () => resolve(null),
    });
  });
};

/** `…/onsite-<id>.jpg` goes to `<folder>onsite-<id>.jpg` on every try. */
export const uploadKeptCloudFile = (ref: string, uploadPrefix: string) => {
  const name = /([A-Za-z0-9_-]+)(\.[a-z0-9]+)$/i.exec(ref);
  return uploadCloudFileTo(ref, keptUploadPath(uploadPrefix, name?.[1] ?? newCommandId(), extensionOf(ref)));
};

export const dropKeptCloudFile = (ref: string) => Taro.getFileSystemManager().unlink({ filePath: ref, fail: () => undefined });

export const onCloudReconnect = (listener: () => void) =>
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) listener();
  });
