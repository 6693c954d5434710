import { cloudFiles, STORAGE_FILE_NONEXIST, type CloudStorage } from '../../cloudfunctions/_shared/deps';

/** wx-server-sdk's storage as the deployed functions call it, answering downloads with `answer`. */
const storageAnswering = (answer: () => Promise<{ fileContent: Buffer }>) => {
  const uploads: string[] = [];
  const storage: CloudStorage = {
    deleteFile: async () => ({}),
    getTempFileURL: async () => ({ fileList: [] }),
    downloadFile: answer,
    uploadFile: async ({ cloudPath }) => {
      uploads.push(cloudPath);
      return { fileID: `cloud://env.bucket/${cloudPath}` };
    },
  };
  return { storage, uploads };
};

/** The SDK's rejection for a failed call: `{ errCode, errMsg }` (wx-server-sdk's downloadFile throws that object). */
const sdkError = (errCode: number, errMsg: string) => Promise.reject({ errCode, errMsg });

describe('the deployed functions\' storage: only a missing file reads as nothing', () => {
  it('a file that is not there (STORAGE_FILE_NONEXIST) reads as null, and a copy of it is not made', async () => {
    const { storage, uploads } = storageAnswering(() => sdkError(STORAGE_FILE_NONEXIST, 'STORAGE_FILE_NONEXIST'));
    const files = cloudFiles(storage);
    await expect(files.download('cloud://env.bucket/uploads/o-x/gone.xlsx')).resolves.toBeNull();
    await expect(files.copy('cloud://env.bucket/uploads/o-x/gone.xlsx', 'cloud://env.bucket/private/p/gone.xlsx')).resolves.toBe(false);
    expect(uploads).toEqual([]);
  });

  it('any other failure (the storage request failing) surfaces as it came, for the download and for a copy', async () => {
    const failed = { errCode: -503001, errMsg: 'STORAGE_REQUEST_FAIL' };
    const { storage, uploads } = storageAnswering(() => sdkError(failed.errCode, failed.errMsg));
    const files = cloudFiles(storage);
    await expect(files.download('cloud://env.bucket/uploads/o-x/a.xlsx')).rejects.toEqual(failed);
    await expect(files.copy('cloud://env.bucket/uploads/o-x/a.xlsx', 'cloud://env.bucket/private/p/a.xlsx')).rejects.toEqual(failed);
    expect(uploads).toEqual([]);
  });

  it('a file that is there reads as its bytes', async () => {
    const { storage } = storageAnswering(async () => ({ fileContent: Buffer.from('bytes') }));
    await expect(cloudFiles(storage).download('cloud://env.bucket/uploads/o-x/a.xlsx')).resolves.toEqual(Buffer.from('bytes'));
  });
});
