import ExcelJS from 'exceljs';
import { imports, members, repairs, session } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, newCommandId, PROPERTY, raw, repairInput, snapshot, startRuntime, tickTimers, uploadAs, WANG } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const MANAGER = 'o-mgr-zhou';
const NEWCOMER = 'o-new-resident';

const csv = (rows: string[][]) => Buffer.from(['楼栋,单元,房号', ...rows.map((r) => r.join(','))].join('\r\n'), 'utf8');

/** Buildings 5–14, 4 units, floors 1–25, 2 doors: 2,000 rooms the demo property does not have. */
const twoThousand = () =>
  Array.from({ length: 10 }, (_, b) => String(b + 5)).flatMap((building) =>
    ['1', '2', '3', '4'].flatMap((unit) => Array.from({ length: 25 }, (_, f) => f + 1).flatMap((floor) => ['01', '02'].map((door) => [building, unit, `${floor}${door}`]))),
  );

let uploads = 0;
/** As the import page does it: the file into the manager's own folder, then its id to imports.start. */
const start = (rt: Rt, fileName: string, content: Buffer, commandId = newCommandId()) => {
  const fileId = uploadAs(rt, MANAGER, `sheet-${(uploads++).toString().padStart(4, '0')}${/\.\w+$/.exec(fileName)?.[0] ?? ''}`, content);
  return callAs(rt, MANAGER, imports.start, { propertyId: PROPERTY, commandId, fileName, fileId });
};

const bind = (rt: Rt, roomId: string) =>
  callAs(rt, NEWCOMER, members.requestBinding, { propertyId: PROPERTY, commandId: newCommandId(), roomId, name: '孙丽', relation: 'owner', phone: '13800001020' });

const roomsOf = (rt: Rt, importId: string) => raw<{ importId: string | null }>(rt, 'rooms').filter((r) => r.importId === importId).length;

describe('issue 7 (2): importing a property\'s rooms from a spreadsheet', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('every bad row is reported by its number, and nothing at all is imported', async () => {
    const before = await snapshot(rt);
    const view = expectOk(await start(rt, 'rooms.csv', csv([['5', '1', '101'], ['5', '', '102'], ['5', '1', '101'], ['5栋', '1', '103']])));
    expect(view).toMatchObject({ id: null, status: 'refused', fileProblem: null });
    expect(view.problems).toEqual([
      { line: 3, problem: 'missing_unit', firstLine: null },
      { line: 4, problem: 'duplicate', firstLine: 2 },
      { line: 5, problem: 'bad_characters', firstLine: null },
    ]);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('2,000 rooms are written in chunks across calls, and exist for nobody until the whole import is in', async () => {
    const first = expectOk(await start(rt, 'rooms.csv', csv(twoThousand())));
    expect(first).toMatchObject({ status: 'writing', total: 2000, written: 500, added: 500 });
    expect(await bind(rt, 'demo:5-1-101')).toMatchObject({ ok: false, code: 'BINDING.ROOM_NOT_FOUND' });
    let view = first;
    const progress: number[] = [];
    while (view.status !== 'done') {
      view = expectOk(await callAs(rt, MANAGER, imports.carryOn, { propertyId: PROPERTY, importId: first.id }));
      progress.push(view.written);
    }
    expect(progress).toEqual([1000, 1500, 2000]);
    expect(view).toMatchObject({ added: 2000, existing: 0 });
    expect(roomsOf(rt, first.id!)).toBe(2000);
    expect(await bind(rt, 'demo:5-1-101')).toMatchObject({ ok: true });
    expect(expectOk(await callAs(rt, MANAGER, imports.carryOn, { propertyId: PROPERTY, importId: first.id }))).toMatchObject({ status: 'done', added: 2000 });
  });

  it('running a file again adds only the rooms that are new, and leaves the existing ones as they were', async () => {
    const some = twoThousand().slice(0, 150);
    const first = expectOk(await start(rt, 'rooms.csv', csv(some)));
    expect(first).toMatchObject({ status: 'done', added: 150 });
    const again = expectOk(await start(rt, 'rooms.csv', csv([...some, ['20', '1', '101'], ['1', '1', '101']])));
    expect(again).toMatchObject({ status: 'done', total: 152, added: 1, existing: 151 });
    expect(roomsOf(rt, first.id!)).toBe(150);
    expect(raw<{ _id: string; importId: string | null }>(rt, 'rooms').find((r) => r._id === 'demo:1-1-101')?.importId).toBeNull();
  });

  it('a retried start (the same command id) makes one import, not two', async () => {
    const commandId = newCommandId();
    const a = expectOk(await start(rt, 'rooms.csv', csv(twoThousand().slice(0, 10)), commandId));
    const b = expectOk(await start(rt, 'rooms.csv', csv(twoThousand().slice(0, 10)), commandId));
    expect(b.id).toBe(a.id);
    expect(raw(rt, 'roomImports')).toHaveLength(1);
  });

  it('an .xlsx sheet (numbers typed as numbers) imports like a CSV, and the template downloads in both forms', async () => {
    const template = expectOk(await callAs(rt, MANAGER, imports.template, { propertyId: PROPERTY }));
    expect(template.csv).toContain('楼栋,单元,房号');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(template.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    sheet.addRow([30, 1, 101]);
    sheet.addRow(['30', '1', '102']);
    const content = Buffer.from(await book.xlsx.writeBuffer());
    const view = expectOk(await start(rt, 'rooms.xlsx', content));
    expect(view).toMatchObject({ status: 'done', total: 4 });
    expect(raw<{ _id: string }>(rt, 'rooms').map((r) => r._id)).toEqual(expect.arrayContaining(['demo:30-1-101', 'demo:30-1-102']));
  });

  it('a file that is not a spreadsheet, or has no header, is refused as a whole', async () => {
    expect(expectOk(await start(rt, 'rooms.xlsx', Buffer.from('not a zip')))).toMatchObject({ status: 'refused', fileProblem: 'unreadable' });
    expect(expectOk(await start(rt, 'rooms.csv', Buffer.from('1,1,101')))).toMatchObject({ status: 'refused', fileProblem: 'bad_header' });
  });

  it('13.1.5: the spreadsheet comes from storage, downloaded once by the function, with a call of a few hundred bytes whatever its size', async () => {
    const eightThousand = ['A', 'B', 'C', 'D'].flatMap((tower) => twoThousand().map(([b, u, r]) => [`${tower}${b}`, u!, r!]));
    const content = csv(eightThousand);
    expect(content.toString('base64').length).toBeGreaterThan(100 * 1024);
    const fileId = uploadAs(rt, MANAGER, 'rooms-8000.csv', content);
    const input = { propertyId: PROPERTY, commandId: newCommandId(), fileName: 'rooms.csv', fileId };
    expect(JSON.stringify({ action: 'start', input }).length).toBeLessThan(300);
    const downloads = rt.files.calls.download;
    expect(expectOk(await callAs(rt, MANAGER, imports.start, input))).toMatchObject({ status: 'writing', total: 8000 });
    expect(rt.files.calls.download - downloads).toBe(1);
  });

  it('13.1.5: only the manager\'s own upload is imported; a file over 2 MB or gone is refused as a whole', async () => {
    const theirs = uploadAs(rt, WANG, 'rooms.csv', csv([['5', '1', '101']]));
    const before = await snapshot(rt);
    expect(await callAs(rt, MANAGER, imports.start, { propertyId: PROPERTY, commandId: newCommandId(), fileName: 'rooms.csv', fileId: theirs })).toMatchObject({
      ok: false,
      code: 'IMPORT.FILE_NOT_YOURS',
    });
    expect(await snapshot(rt)).toEqual(before);
    const big = Buffer.concat([csv([['5', '1', '101']]), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    expect(expectOk(await start(rt, 'rooms.csv', big))).toMatchObject({ status: 'refused', fileProblem: 'too_large' });
    const gone = `cloud://local.local/uploads/mb_omgrzhou/never-uploaded.csv`;
    expect(expectOk(await callAs(rt, MANAGER, imports.start, { propertyId: PROPERTY, commandId: newCommandId(), fileName: 'rooms.csv', fileId: gone }))).toMatchObject({
      status: 'refused',
      fileProblem: 'unreadable',
    });
  });

  it('13.1.5: a client from before release 11 still imports a small file sent inside the call; the call names a file or carries one, never both', async () => {
    const contentBase64 = csv([['5', '1', '101']]).toString('base64');
    expect(expectOk(await callAs(rt, MANAGER, imports.start, { propertyId: PROPERTY, commandId: newCommandId(), fileName: 'rooms.csv', contentBase64 }))).toMatchObject({
      status: 'done',
      added: 1,
    });
    const fileId = uploadAs(rt, MANAGER, 'both.csv', csv([['5', '1', '102']]));
    for (const input of [{ fileId, contentBase64 }, {}]) {
      expect(await callAs(rt, MANAGER, imports.start, { propertyId: PROPERTY, commandId: newCommandId(), fileName: 'rooms.csv', ...input })).toMatchObject({
        ok: false,
        code: 'COMMON.BAD_INPUT',
      });
    }
  });

  it('a room added by hand is there at once; adding it again changes nothing', async () => {
    const added = expectOk(await callAs(rt, MANAGER, imports.addRoom, { propertyId: PROPERTY, commandId: newCommandId(), building: '9', unit: '1', room: '101' }));
    expect(added).toEqual({ roomId: 'demo:9-1-101', label: '9-1-101', added: true });
    expect(expectOk(await callAs(rt, MANAGER, imports.addRoom, { propertyId: PROPERTY, commandId: newCommandId(), building: '9', unit: '1', room: '101' })).added).toBe(false);
    expect(await bind(rt, 'demo:9-1-101')).toMatchObject({ ok: true });
  });

  it('renaming a building moves its rooms and its residents with them; a name already taken is refused', async () => {
    const rename = (from: string, to: string) => callAs(rt, MANAGER, imports.renameBuilding, { propertyId: PROPERTY, commandId: newCommandId(), from, to });
    expect(await rename('1', '2')).toMatchObject({ ok: false, code: 'IMPORT.BUILDING_TAKEN' });
    expect(expectOk(await rename('1', 'a'))).toEqual({ moved: 60, residents: 6 });
    const ids = raw<{ _id: string }>(rt, 'rooms').map((r) => r._id);
    expect(ids).toContain('demo:A-1-101');
    expect(ids.some((id) => id.startsWith('demo:1-'))).toBe(false);
    expect(expectOk(await callAs(rt, WANG, session.context, { propertyId: PROPERTY })).rooms).toEqual([{ roomId: 'demo:A-1-101', label: 'A-1-101' }]);
    expect(expectOk(await callAs(rt, WANG, repairs.create, repairInput({ roomId: 'demo:A-1-101' }))).address).toBe('A-1-101');
    expect(expectOk(await rename('1', 'A'))).toEqual({ moved: 0, residents: 0 });
    expect(await rename('7', 'B')).toMatchObject({ ok: false, code: 'IMPORT.NO_SUCH_BUILDING' });
  });

  it('a rename cut short (rooms marked, some already moved) is finished by running it again', async () => {
    await rt.db.collection('rooms').where({ propertyId: PROPERTY, building: '2' }).update({ data: { movingTo: 'B' } });
    await rt.db.collection('rooms').doc('demo:B-1-101').set({ data: { propertyId: PROPERTY, schemaVersion: 2, building: 'B', unit: '1', room: '101', importId: null } });
    const done = expectOk(await callAs(rt, MANAGER, imports.renameBuilding, { propertyId: PROPERTY, commandId: newCommandId(), from: '2', to: 'B' }));
    expect(done.moved).toBe(60);
    const ids = raw<{ _id: string }>(rt, 'rooms').map((r) => r._id);
    expect(ids.filter((id) => id.startsWith('demo:B-'))).toHaveLength(60);
    expect(ids.some((id) => id.startsWith('demo:2-'))).toBe(false);
  });

  it('only the manager imports', async () => {
    expect(await callAs(rt, DESK_ON_SHIFT, imports.start, { propertyId: PROPERTY, commandId: newCommandId(), fileName: 'a.csv', fileId: uploadAs(rt, DESK_ON_SHIFT, 'a.csv', csv([])) })).toMatchObject({
      ok: false,
      code: 'COMMON.FORBIDDEN',
    });
  });

  it('an import whose page was closed is finished by the timer', async () => {
    const first = expectOk(await start(rt, 'rooms.csv', csv(twoThousand().slice(0, 1200))));
    expect(first).toMatchObject({ status: 'writing', written: 500 });
    rt.clock.advanceMinutes(2);
    const tick = () => tickTimers(rt) as Promise<{ data: { importsFinished: number } }>;
    expect((await tick()).data.importsFinished).toBe(0);
    expect((await tick()).data.importsFinished).toBe(0);
    rt.clock.advanceMinutes(2);
    expect((await tick()).data.importsFinished).toBe(1);
    expect(roomsOf(rt, first.id!)).toBe(1200);
  });
});
