import Taro from '@tarojs/taro';
import { newCommandId } from '../api/command-id';
import { uploadCloudFile } from '../api/cloud.storage';

const extensionOf = (path: string) => /\.(jpe?g|png|webp|gif)$/i.exec(path)?.[0].toLowerCase() ?? '.jpg';

/** WeChat deletes temporary files; a photo or signature taken offline is moved into the user-data folder. */
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

export const uploadKeptCloudFile = (ref: string, uploadPrefix: string) => uploadCloudFile({ localPath: ref, name: ref }, uploadPrefix);

export const dropKeptCloudFile = (ref: string) => Taro.getFileSystemManager().unlink({ filePath: ref, fail: () => undefined });

export const onCloudReconnect = (listener: () => void) =>
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) listener();
  });
