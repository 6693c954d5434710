import Taro from '@tarojs/taro';
import type { PickedPhoto } from './platform.types';
import { uploadPathFor } from './upload-path';

export const pickCloudPhotos = async (max: number): Promise<PickedPhoto[]> => {
  if (max <= 0) return [];
  try {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
    return res.tempFiles.map((f) => ({ localPath: f.tempFilePath, name: f.tempFilePath }));
  } catch {
    return [];
  }
};

/** Uploads to a path the caller chose; the cloud writes over a file already there (wx.cloud.uploadFile: "如果上传至同一路径则是覆盖写"). */
export const uploadCloudFileTo = async (localPath: string, cloudPath: string): Promise<string | null> => {
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath });
    return res.fileID;
  } catch {
    return null;
  }
};

export const uploadCloudFile = (file: PickedPhoto, uploadPrefix: string): Promise<string | null> =>
  uploadCloudFileTo(file.localPath, uploadPathFor(file.name, uploadPrefix));

/** The audio player reads files, not data URIs: the bytes go to the user-data folder once. */
export const cloudAudioSource = (wav: ArrayBuffer): Promise<string> => {
  const filePath = `${Taro.env.USER_DATA_PATH}/urgent-chime.wav`;
  return new Promise((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: wav, success: () => resolve(filePath), fail: reject }),
  );
};
