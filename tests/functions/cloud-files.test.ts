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

describe('the deployed functions\' storage: a file deleteFile could not delete is not taken as deleted', () => {
  const answering = (fileList: { fileID: string; status: number; errMsg: string }[]) => {
    const asked: string[][] = [];
    const storage: CloudStorage = {
      deleteFile: async ({ fileList: ids }) => {
        asked.push(ids);
        return { fileList: fileList.filter((f) => ids.includes(f.fileID)) };
      },
      getTempFileURL: async () => ({ fileList: [] }),
      downloadFile: async () => ({ fileContent: Buffer.from('') }),
      uploadFile: async ({ cloudPath }) => ({ fileID: cloudPath }),
    };
    return { files: cloudFiles(storage), asked };
  };

  it('every file deleted (status 0), or already gone (STORAGE_FILE_NONEXIST): done, in calls of at most 50', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => `cloud://env.bucket/exports/p/${i}.xlsx`);
    const { files, asked } = answering(ids.map((fileID, i) => ({ fileID, status: i === 3 ? STORAGE_FILE_NONEXIST : 0, errMsg: i === 3 ? 'STORAGE_FILE_NONEXIST' : 'ok' })));
    await expect(files.remove(ids)).resolves.toBeUndefined();
    expect(asked.map((batch) => batch.length)).toEqual([50, 1]);
  });

  it('one file the call answers with a failure status: the removal fails, naming it', async () => {
    const ids = ['cloud://env.bucket/exports/p/a.xlsx', 'cloud://env.bucket/exports/p/b.xlsx'];
    const { files } = answering([
      { fileID: ids[0]!, status: 0, errMsg: 'ok' },
      { fileID: ids[1]!, status: -503002, errMsg: 'STORAGE_EXCEED_AUTHORITY' },
    ]);
    await expect(files.remove(ids)).rejects.toThrow(`deleteFile: 1 not deleted: ${ids[1]} (-503002 STORAGE_EXCEED_AUTHORITY)`);
  });
});
