import Taro from '@tarojs/taro';
import { authHeader, devToken } from './local-auth';
import type { PickedPhoto } from './platform.types';

const extensionOf = (name: string) => /\.(jpe?g|png|webp|gif)$/i.exec(name)?.[0].toLowerCase() ?? '.jpg';

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

export const uploadHttpPhoto = async (photo: PickedPhoto): Promise<string | null> => {
  try {
    const bytes = await (await fetch(photo.localPath)).blob();
    const res = await fetch(`/api/storage/upload?name=${encodeURIComponent(`photo${extensionOf(photo.name)}`)}`, {
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

export const httpPhotoUrls = async (fileIDs: readonly string[]): Promise<string[]> => {
  const token = encodeURIComponent(devToken());
  return fileIDs.map((id) => `/api/storage/file?fileID=${encodeURIComponent(id)}&token=${token}`);
};

export const httpAudioSource = async (wav: ArrayBuffer): Promise<string> =>
  `data:audio/wav;base64,${Taro.arrayBufferToBase64(wav)}`;
