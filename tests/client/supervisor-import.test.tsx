import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ImportView } from '@shared/contracts/imports.contract';
import type { Role } from '@shared/model/member.model';
import { platform } from '../../client/src/api/platform';
import RoomImportPage from '../../client/src/pages/supervisor/import';
import DeskInbox from '../../client/src/pages/desk/inbox';
import StaffHome from '../../client/src/pages/supervisor/home';
import { TransportError } from '../../client/src/api/transport';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';

const CSV = '楼栋,单元,房号\n9,1,101\n';
const picked = { name: 'rooms.csv', localPath: 'blob:rooms', size: CSV.length };
const UPLOADED = 'cloud://env.bucket/uploads/mb_1/LzQ8c2x1AbCdEfGhIjKlMnOp.csv';

const view = (over: Partial<ImportView>): ImportView => ({
  id: 'ri-1',
  status: 'writing',
  fileName: 'rooms.csv',
  total: 1200,
  written: 500,
  added: 480,
  existing: 20,
  fileProblem: null,
  problems: [],
  ...over,
});

const open = async () => {
  const page = render(<RoomImportPage />);
  const $ = (selector: string) => page.container.querySelector(selector);
  await until(() => $('.btn-choose-file') !== null && $('.btn-template-xlsx') !== null);
  await settle();
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  const text = (selector: string) => $(selector)?.textContent ?? '';
  const all = (selector: string) => Array.from(page.container.querySelectorAll(selector)).map((el) => el.textContent ?? '');
  return { ...page, $, tap, text, all };
};

let pick: jest.SpyInstance;
let upload: jest.SpyInstance;
beforeEach(() => {
  pick = jest.spyOn(platform, 'pickFile').mockResolvedValue(picked);
  upload = jest.spyOn(platform, 'uploadFile').mockResolvedValue(UPLOADED);
});
afterEach(() => {
  pick.mockRestore();
  upload.mockRestore();
});

describe('导入房屋: the manager loads rooms from a spreadsheet (issue 7, point 2)', () => {
  it('a refused import lists each bad row by its number, and nothing is carried on', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'imports.start': () =>
        ok(
          view({
            id: null,
            status: 'refused',
            total: 0,
            written: 0,
            added: 0,
            existing: 0,
            problems: [
              { line: 3, problem: 'missing_unit', firstLine: null },
              { line: 5, problem: 'duplicate', firstLine: 2 },
              { line: 7, problem: 'bad_characters', firstLine: null },
            ],
          }),
        ),
    });
    const page = await open();
    await page.tap('.btn-choose-file');
    await until(() => page.$('.import-refused') !== null);

    expect(pick).toHaveBeenCalledWith(['xlsx', 'csv']);
    expect(upload).toHaveBeenCalledWith(picked, 'uploads/mb_1/');
    expect(backend.callsTo('imports.start')[0]?.input).toEqual({ propertyId: PROPERTY, commandId: expect.any(String), deviceTime: expect.any(String), fileName: 'rooms.csv', fileId: UPLOADED });
    expect(page.text('.import-refused .section-title')).toBe('rooms.csv 没有导入');
    expect(page.all('.import-problem')).toEqual(['第 3 行：没有填单元', '第 5 行：和第 2 行是同一套房', '第 7 行：只能填数字或字母']);
    expect(backend.callsTo('imports.carryOn')).toHaveLength(0);
  });

  it('a file refused as a whole says what is wrong with it', async () => {
    fakeBackend({
      ...sessionHandlers('manager'),
      'imports.start': () => ok(view({ id: null, status: 'refused', total: 0, written: 0, added: 0, existing: 0, fileProblem: 'bad_header' })),
    });
    const page = await open();
    await page.tap('.btn-choose-file');
    await until(() => page.$('.import-file-problem') !== null);
    expect(page.text('.import-file-problem')).toBe('第一行必须是表头：楼栋、单元、房号。请用模板填写。');
    expect(page.$('.import-problem')).toBeNull();
  });

  it('an import is carried on until it is done, showing how far it got', async () => {
    const answers = [view({ written: 1000, added: 960, existing: 40 }), view({ status: 'done', written: 1200, added: 1150, existing: 50 })];
    const gates: Array<() => void> = [];
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'imports.start': () => ok(view({})),
      'imports.carryOn': () => new Promise((resolve) => gates.push(() => resolve(ok(answers.shift())))),
    });
    const page = await open();
    const release = async () => {
      await until(() => gates.length === 1);
      gates.shift()?.();
      await settle();
    };
    await page.tap('.btn-choose-file');
    expect(page.text('.import-written')).toBe('已写入 500 / 1200 套');
    await release();
    expect(page.text('.import-written')).toBe('已写入 1000 / 1200 套');
    expect(page.$('.import-done')).toBeNull();
    await release();
    await until(() => page.$('.import-done') !== null);

    expect(backend.callsTo('imports.carryOn').map((c) => c.input)).toEqual([
      { propertyId: PROPERTY, importId: 'ri-1' },
      { propertyId: PROPERTY, importId: 'ri-1' },
    ]);
    expect(page.text('.import-done .section-title')).toBe('rooms.csv 已导入');
    expect(page.text('.import-counts')).toBe('共 1200 套：新增 1150 套，原来已有 50 套');
    expect(page.$('.import-written')).toBeNull();
  });

  it('an import cut short by the network is carried on by hand, where it stopped', async () => {
    // The network drops for the api client's three tries of one call; the manager's tap comes after it is back.
    let lost = 3;
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'imports.start': () => ok(view({})),
      'imports.carryOn': () => {
        if (lost-- > 0) throw new TransportError('request:fail');
        return ok(view({ status: 'done', written: 1200, added: 1180, existing: 20 }));
      },
    });
    const page = await open();
    await page.tap('.btn-choose-file');
    await until(() => page.$('.btn-resume-import') !== null);
    expect(page.text('.import-stalled')).toContain('系统繁忙，请稍后再试');
    expect(page.text('.import-written')).toBe('已写入 500 / 1200 套');

    await page.tap('.btn-resume-import');
    await until(() => page.$('.import-done') !== null);
    expect(backend.callsTo('imports.carryOn')).toHaveLength(4);
    expect(backend.callsTo('imports.start')).toHaveLength(1);
  });

  it('a file that is not a spreadsheet, or is over 2 MB, is not sent', async () => {
    const backend = fakeBackend({ ...sessionHandlers('manager') });
    const page = await open();
    pick.mockResolvedValueOnce({ name: 'rooms.pdf', localPath: 'blob:pdf', size: 3 });
    await page.tap('.btn-choose-file');
    expect(page.text('.import-start-problem')).toBe('只能导入 .xlsx 或 .csv 文件');

    pick.mockResolvedValueOnce({ name: 'big.xlsx', localPath: 'blob:big', size: 3 * 1024 * 1024 });
    await page.tap('.btn-choose-file');
    expect(page.text('.import-start-problem')).toBe('文件超过 2 MB，请分成几个文件导入');
    expect(upload).not.toHaveBeenCalled();
    expect(backend.callsTo('imports.start')).toHaveLength(0);
  });

  it('13.1.5: a file that does not upload is said so, and nothing is started', async () => {
    upload.mockResolvedValueOnce(null);
    const backend = fakeBackend({ ...sessionHandlers('manager') });
    const page = await open();
    await page.tap('.btn-choose-file');
    await until(() => page.$('.import-start-problem') !== null);
    expect(page.text('.import-start-problem')).toBe('文件没有传上去，请检查网络后再试');
    expect(page.text('.btn-choose-file')).toBe('选择文件并导入');
    expect(backend.callsTo('imports.start')).toHaveLength(0);
  });

  it('the template is asked for once and handed over as Excel or CSV', async () => {
    const offer = jest.spyOn(platform, 'offerFile').mockResolvedValue(true);
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'imports.template': () => ok({ csvName: '房屋导入模板.csv', csv: 'CSVTEXT', xlsxName: '房屋导入模板.xlsx', xlsxBase64: 'UEsDBA==' }),
    });
    const page = await open();
    await page.tap('.btn-template-xlsx');
    await until(() => offer.mock.calls.length === 1);
    await page.tap('.btn-template-csv');
    await until(() => offer.mock.calls.length === 2);

    expect(offer.mock.calls.map((c) => c[0])).toEqual([
      { name: '房屋导入模板.xlsx', kind: 'xlsx', base64: 'UEsDBA==' },
      { name: '房屋导入模板.csv', kind: 'csv', text: 'CSVTEXT' },
    ]);
    expect(backend.callsTo('imports.template')).toHaveLength(1);
    offer.mockRestore();
  });

  it('a room is added by hand; one that is already there is said so', async () => {
    const known = new Set<string>();
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'imports.addRoom': (input) => {
        const label = `${String(input.building)}-${String(input.unit)}-${String(input.room)}`;
        const added = !known.has(label);
        known.add(label);
        return ok({ roomId: `${PROPERTY}:${label}`, label, added });
      },
    });
    const page = await open();
    await page.tap('.btn-add-room');
    expect(page.text('.add-room-problem')).toBe('请填写楼栋、单元和房号（只填数字或字母，最多 10 个字符）');
    expect(backend.callsTo('imports.addRoom')).toHaveLength(0);

    const type = (part: string, value: string) => fireEvent.input(page.$(`.input-add-${part} input`) as Element, { target: { value } });
    type('building', '9');
    type('unit', '1');
    type('room', '105');
    await settle(10);
    await page.tap('.btn-add-room');
    await until(() => page.$('.add-room-result') !== null);
    expect(backend.callsTo('imports.addRoom')[0]?.input).toMatchObject({ propertyId: PROPERTY, building: '9', unit: '1', room: '105' });
    expect(page.text('.add-room-result')).toBe('已添加 9-1-105');

    type('room', '105');
    await settle(10);
    await page.tap('.btn-add-room');
    await until(() => page.text('.add-room-result') === '9-1-105 已经有了，没有重复添加');
  });

  it('a building is renamed; a name already taken is refused with the server\'s words', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'imports.renameBuilding': (input) =>
        input.to === '2' ? { ok: false, code: 'IMPORT.BUILDING_TAKEN', message: '已有同名的楼栋，请换一个名称' } : ok({ moved: 60, residents: 6 }),
    });
    const page = await open();
    const type = (name: string, value: string) => fireEvent.input(page.$(`.input-rename-${name} input`) as Element, { target: { value } });
    type('from', '1');
    type('to', '2');
    await settle(10);
    await page.tap('.btn-rename-building');
    await until(() => page.$('.rename-problem') !== null);
    expect(page.text('.rename-problem')).toBe('已有同名的楼栋，请换一个名称');
    type('to', 'A');
    await settle(10);
    await page.tap('.btn-rename-building');
    await until(() => page.$('.rename-result') !== null);
    expect(backend.callsTo('imports.renameBuilding').map((c) => c.input)).toMatchObject([{ from: '1', to: '2' }, { propertyId: PROPERTY, from: '1', to: 'A' }]);
    expect(page.text('.rename-result')).toBe('1 栋已改名为 A：60 间房屋、6 位住户随之更新');
  });
});

describe('the manager’s home links to the going-live pages', () => {
  let navigate: jest.SpyInstance;
  beforeEach(() => {
    navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  });
  afterEach(() => navigate.mockRestore());

  const linksFor = async (role: Role) => {
    fakeBackend({ ...sessionHandlers(role), 'repairs.inbox': () => okPage([]) });
    const { container } = render(role === 'desk' ? <DeskInbox /> : <StaffHome />);
    await until(() => container.querySelector('.link-bindings') !== null);
    return container;
  };

  it('gives the manager 导入房屋, 小区设置 and the deletion requests', async () => {
    const container = await linksFor('manager');
    for (const [link, url] of [
      ['.link-import', '/pages/supervisor/import/index'],
      ['.link-settings', '/pages/supervisor/settings/index'],
      ['.link-erasures', '/pages/supervisor/erasures/index'],
    ] as const) {
      fireEvent.click(container.querySelector(link) as Element);
      expect(navigate).toHaveBeenLastCalledWith({ url });
    }
  });

  it('gives a supervisor the settings to read, but not the rooms nor the deletion requests', async () => {
    const container = await linksFor('supervisor');
    expect(container.querySelector('.link-settings')).not.toBeNull();
    expect(container.querySelector('.link-import')).toBeNull();
    expect(container.querySelector('.link-erasures')).toBeNull();
  });

  it('gives the desk none of these', async () => {
    const container = await linksFor('desk');
    expect(['.link-settings', '.link-import', '.link-erasures'].map((s) => container.querySelector(s))).toEqual([null, null, null]);
  });
});
