import Taro from '@tarojs/taro';
import type { DocumentKind, OfferedFile, PickedFile } from './platform.types';

const write = (filePath: string, file: OfferedFile) =>
  new Promise<void>((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: 'text' in file ? file.text : file.base64,
      encoding: 'text' in file ? 'utf8' : 'base64',
      success: () => resolve(),
      fail: reject,
    }),
  );

/** A file from a WeChat chat (the only place a phone keeps spreadsheets WeChat can reach), at its temporary path. */
export const pickCloudFile = async (extensions: readonly DocumentKind[]): Promise<PickedFile | null> => {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: [...extensions] });
    const file = res.tempFiles[0];
    return file ? { name: file.name, size: file.size, localPath: file.path } : null;
  } catch {
    return null;
  }
};

/** Written to the user-data folder and opened in WeChat's viewer, whose menu forwards or saves it. */
export const offerCloudFile = async (file: OfferedFile): Promise<boolean> => {
  if (file.kind !== 'xlsx') return false;
  try {
    const filePath = `${Taro.env.USER_DATA_PATH}/${file.name}`;
    await write(filePath, file);
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return true;
  } catch {
    return false;
  }
};
