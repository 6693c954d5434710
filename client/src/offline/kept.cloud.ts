import Taro from '@tarojs/taro';
import { newCommandId } from '../api/command-id';
import { uploadCloudFileTo } from '../api/cloud.storage';
import { keptUploadPath } from './local-files';

const extensionOf = (path: string) => /\.(jpe?g|png|webp|gif)$/i.exec(path)?.[0].toLowerCase() ?? '.jpg';
/** WeChat deletes temporary files; a photo or signature taken offline is moved into the user-data folder, named by an id of its own. */
export const keepCloudFile = (localPath: string): Promise<string | null> =>
  new Promise((resolve) => {
    const filePath = `${Taro.env.USER_DATA_PATH}/onsite-${newCommandId()}${extensionOf(localPath)}`;
    Taro.getFileSystemManager().saveFile({
      tempFilePath: localPath,
      filePath,
      success: (res) => resolve(res.savedFilePath || filePath),
      fail: () => resolve(null),
    });
  });

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
