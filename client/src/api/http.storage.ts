import Taro from '@tarojs/taro';
import { authHeader } from './local-auth';
import type { PickedPhoto } from './platform.types';
import { uploadPathFor } from './upload-path';

export const pickHttpPhotos = async (max: number): Promise<PickedPhoto[]> => {
  if (max <= 0) return [];
  try {
    const res = await Taro.chooseImage({ count: max, sizeType: ['compressed'], sourceType: ['camera', 'album'] });
    return res.tempFiles.map((f) => {
      const original = (f as { originalFileObj?: { name?: string } }).originalFileObj;
      return { localPath: f.path, name: original?.name ?? 'photo.jpg' };
    });
  } catch {
    return [];
  }
};

/** The local stand-in for wx.cloud.uploadFile to a path the caller chose: the same path, the same file id back (and the file written over). */
export const uploadHttpFileTo = async (localPath: string, cloudPath: string): Promise<string | null> => {
  try {
    const bytes = await (await fetch(localPath)).blob();
    const res = await fetch(`/api/storage/upload?path=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: authHeader(),
      body: bytes,
    });
    const body = (await res.json()) as { fileID?: unknown };
    return res.ok && typeof body.fileID === 'string' ? body.fileID : null;
  } catch {
    return null;
  }
};

export const uploadHttpFile = (file: PickedPhoto, uploadPrefix: string): Promise<string | null> =>
  uploadHttpFileTo(file.localPath, uploadPathFor(file.name, uploadPrefix));

export const httpAudioSource = async (wav: ArrayBuffer): Promise<string> =>
  `data:audio/wav;base64,${Taro.arrayBufferToBase64(wav)}`;
