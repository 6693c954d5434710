import Taro from '@tarojs/taro';
import { offerHttpFile, pickHttpFile } from '../../client/src/api/http.files';
import { offerCloudFile, pickCloudFile } from '../../client/src/api/cloud.files';
import { uploadCloudFile } from '../../client/src/api/cloud.storage';

const CSV = '楼栋,单元,房号\n9,1,101\n';
/** jsdom's Blob has no text(). */
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
const fileInput = () => document.body.querySelector('input[type=file]') as HTMLInputElement;

describe('in the browser (H5)', () => {
  it('a chosen spreadsheet is kept as a blob: URL to upload, through a file input that is gone afterwards', async () => {
    const file = new File([CSV], 'rooms.csv', { type: 'text/csv' });
    const createObjectURL = jest.fn((blob: Blob) => (blob === file ? 'blob:rooms' : 'blob:other'));
    Object.assign(URL, { createObjectURL });
    const chosen = pickHttpFile(['xlsx', 'csv']);
    const input = fileInput();
    expect(input.accept).toBe('.xlsx,.csv');
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));

    await expect(chosen).resolves.toEqual({ name: 'rooms.csv', size: file.size, localPath: 'blob:rooms' });
    expect(fileInput()).toBeNull();
  });

  it('closing the file dialog answers null', async () => {
    const chosen = pickHttpFile(['xlsx']);
    fileInput().dispatchEvent(new Event('cancel'));
    await expect(chosen).resolves.toBeNull();
  });

  it('the template is downloaded under its own name', async () => {
    const blobs: Blob[] = [];
    const urls = { createObjectURL: jest.fn((blob: Blob) => (blobs.push(blob), 'blob:template')), revokeObjectURL: jest.fn() };
    Object.assign(URL, urls);
    const clicked: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    await expect(offerHttpFile({ name: '房屋导入模板.csv', kind: 'csv', text: CSV })).resolves.toBe(true);

    expect(clicked.map((a) => [a.download, a.href])).toEqual([['房屋导入模板.csv', 'blob:template']]);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    await expect(textOf(blobs[0] as Blob)).resolves.toBe(CSV);
    click.mockRestore();
  });
});

describe('in WeChat', () => {
  const written: Array<{ filePath: string; data: string; encoding: string }> = [];
  const fs = {
    writeFile: ({ filePath, data, encoding, success }: { filePath: string; data: string; encoding: string; success: () => void }) => {
      written.push({ filePath, data, encoding });
      success();
    },
  };
  let spies: jest.SpyInstance[] = [];
  const env = Taro.env;
  beforeEach(() => {
    written.length = 0;
    (Taro as { env: unknown }).env = { USER_DATA_PATH: 'wxfile://usr' };
    spies = [jest.spyOn(Taro, 'getFileSystemManager').mockReturnValue(fs as unknown as Taro.FileSystemManager)];
  });
  afterEach(() => {
    spies.forEach((s) => s.mockRestore());
    (Taro as { env: unknown }).env = env;
  });

  it('a spreadsheet from a chat is chosen by its extension and kept at its temporary path, to upload', async () => {
    const choose = jest
      .spyOn(Taro, 'chooseMessageFile')
      .mockResolvedValue({ tempFiles: [{ path: 'wxfile://tmp/rooms.xlsx', name: 'rooms.xlsx', size: 10, type: 'file', time: 0 }], errMsg: 'chooseMessageFile:ok' });
    spies.push(choose);

    await expect(pickCloudFile(['xlsx', 'csv'])).resolves.toEqual({ name: 'rooms.xlsx', size: 10, localPath: 'wxfile://tmp/rooms.xlsx' });
    expect(choose).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
  });

  it('13.1.5: the chosen spreadsheet is uploaded into the caller\'s own folder under a random name, keeping its extension', async () => {
    const uploadFile = jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env.bucket/${cloudPath}`, statusCode: 200, errMsg: 'uploadFile:ok' }));
    (Taro as unknown as { cloud: unknown }).cloud = { uploadFile };

    const fileId = await uploadCloudFile({ name: 'rooms.xlsx', localPath: 'wxfile://tmp/rooms.xlsx' }, 'uploads/mb_1/');

    expect(uploadFile).toHaveBeenCalledWith({ cloudPath: expect.stringMatching(/^uploads\/mb_1\/[A-Za-z0-9_-]{24}\.xlsx$/), filePath: 'wxfile://tmp/rooms.xlsx' });
    expect(fileId).toBe(`cloud://env.bucket/${uploadFile.mock.calls[0]![0].cloudPath}`);
  });

  it('the template is written to the user folder and opened in the document viewer, whose menu forwards it', async () => {
    const openDocument = jest.spyOn(Taro, 'openDocument').mockResolvedValue({ errMsg: 'openDocument:ok' });
    spies.push(openDocument);

    await expect(offerCloudFile({ name: '房屋导入模板.xlsx', kind: 'xlsx', base64: 'UEsDBA==' })).resolves.toBe(true);

    expect(written).toEqual([{ filePath: 'wxfile://usr/房屋导入模板.xlsx', data: 'UEsDBA==', encoding: 'base64' }]);
    expect(openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://usr/房屋导入模板.xlsx', fileType: 'xlsx', showMenu: true });
  });

  it('the viewer, which opens no CSV, is not asked to', async () => {
    await expect(offerCloudFile({ name: '房屋导入模板.csv', kind: 'csv', text: CSV })).resolves.toBe(false);
    expect(written).toEqual([]);
  });
});
