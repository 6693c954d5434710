import Taro from '@tarojs/taro';
import { newCommandId } from '../api/command-id';
import { uploadHttpFileTo } from '../api/http.storage';
import { keptUploadPath } from './local-files';

const KEY_PREFIX = 'onsite.file.';
/** Photos are shrunk to this many pixels on the long side before they are kept in local storage. */
const MAX_SIDE = 1280;
const SMALL_ENOUGH = 300_000;

const asDataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => (typeof reader.result === 'string' ? resolve(reader.result) : reject(new Error('unreadable')));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });

/**
 * A camera photo is megabytes; local storage holds a few, and a basement's signal carries less. So a
 * photo is re-encoded on the phone before it is kept and uploaded: drawn on a canvas at most MAX_SIDE
 * pixels on its long side and read back as a JPEG (HTMLCanvasElement.toDataURL, quality 0.8), the H5
 * counterpart of WeChat's compressImage. A small picture (a signature) stays as it is.
 */
const shrink = (dataUrl: string) =>
  new Promise<string>((resolve) => {
    if (dataUrl.length <= SMALL_ENOUGH) return resolve(dataUrl);
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.naturalWidth * scale);
      canvas.height = Math.round(img.naturalHeight * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return resolve(dataUrl);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      resolve(canvas.toDataURL('image/jpeg', 0.8));
    };
    img.onerror = () => resolve(dataUrl);
    img.src = dataUrl;
  });

/** H5: blob: and data: URLs die with the page, so the picture itself is kept, as a data URL in local storage. */
export const keepHttpFile = async (localPath: string): Promise<string | null> => {
  try {
    const dataUrl = localPath.startsWith('data:') ? localPath : await asDataUrl(await (await fetch(localPath)).blob());
    const ref = `${KEY_PREFIX}${newCommandId()}`;
    Taro.setStorageSync(ref, await shrink(dataUrl));
    return ref;
  } catch {
    return null;
  }
};

export const keptHttpFileUrl = (ref: string): string => {
  const value: unknown = Taro.getStorageSync(ref);
  return typeof value === 'string' ? value : '';
};

export const uploadKeptHttpFile = async (ref: string, uploadPrefix: string): Promise<string | null> => {
  const dataUrl = keptHttpFileUrl(ref);
  if (!dataUrl) return null;
  return uploadHttpFileTo(dataUrl, keptUploadPath(uploadPrefix, ref.slice(KEY_PREFIX.length), dataUrl.startsWith('data:image/png') ? '.png' : '.jpg'));
};

export const dropKeptHttpFile = (ref: string) => Taro.removeStorageSync(ref);

/** The browser says so directly; Taro's network event covers phones' H5 too. */
export const onHttpReconnect = (listener: () => void) => {
  window.addEventListener('online', listener);
  Taro.onNetworkStatusChange((res) => {
    if (res.isConnected) listener();
  });
};
