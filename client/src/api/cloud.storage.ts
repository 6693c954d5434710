import Taro from '@tarojs/taro';
import { newCommandId } from './command-id';
import type { PickedPhoto } from './platform.types';

const extensionOf = (path: string) => /\.(jpe?g|png|webp|gif)$/i.exec(path)?.[0].toLowerCase() ?? '.jpg';

export const pickCloudPhotos = async (max: number): Promise<PickedPhoto[]> => {
  if (max <= 0) return [];
  try {
    const res = await Taro.chooseMedia({ count: max, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
    return res.tempFiles.map((f) => ({ localPath: f.tempFilePath, name: f.tempFilePath }));
  } catch {
    return [];
  }
};

export const uploadCloudPhoto = async (photo: PickedPhoto, uploadPrefix: string): Promise<string | null> => {
  try {
    const cloudPath = `${uploadPrefix}${newCommandId()}${extensionOf(photo.name)}`;
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: photo.localPath });
    return res.fileID;
  } catch {
    return null;
  }
};

export const cloudPhotoUrls = async (fileIDs: readonly string[]): Promise<string[]> => {
  if (fileIDs.length === 0) return [];
  try {
    const res = await Taro.cloud.getTempFileURL({ fileList: [...fileIDs] });
    const byId = new Map(res.fileList.map((f) => [f.fileID, f.tempFileURL]));
    return fileIDs.map((id) => byId.get(id) ?? '');
  } catch {
    return fileIDs.map(() => '');
  }
};

/** The audio player reads files, not data URIs: the bytes go to the user-data folder once. */
export const cloudAudioSource = (wav: ArrayBuffer): Promise<string> => {
  const filePath = `${Taro.env.USER_DATA_PATH}/urgent-chime.wav`;
  return new Promise((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath, data: wav, success: () => resolve(filePath), fail: reject }),
  );
};
