import ExcelJS from 'exceljs';
import { imports } from '@shared/contracts';
import * as keys from '@shared/contracts/keys.contract';
import { callAs, DESK_ON_SHIFT, expectOk, MANAGER, networkDown, newCommandId, PROPERTY, raw, snapshot, startRuntime, SUPERVISOR, TECH_LI, uploadAs, WANG, watchTraces } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const HEADER = '类别,开启位置,钥匙编号,组别,押金（元）';
const csv = (rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'), 'utf8');

/** A clean register: each kind as K1 lists it, each with its spare. */
const register = [
  '住户钥匙,1-1-101,Z-1-1-101,常用,0',
  '住户钥匙,1-1-101,Z-1-1-101-备,备用,0',
  '公共门窗,1号楼3层,G1-3-01,常用,0',
  '公共门窗,1号楼3层,G1-3-01-备,备用,0',
  '设备房,2号楼水泵房,SB-02,常用,200',
  '设备房,2号楼水泵房,SB-02-备,备用,200.5',
  '水表箱,1号楼1单元,SX-1-1,常用,',
  '水表箱,1号楼1单元,SX-1-1-备,备用,',
];

let uploads = 0;
/** As the page does it: the file into the caller's own folder, then its id to imports.previewKeys. */
const preview = (rt: Rt, fileName: string, content: Buffer, who = DESK_ON_SHIFT) =>
  callAs(rt, who, imports.previewKeys, { propertyId: PROPERTY, commandId: newCommandId(), fileName, fileId: uploadAs(rt, who, `keys-${uploads++}${/\.\w+$/.exec(fileName)?.[0] ?? ''}`, content) });
const commit = (rt: Rt, importId: string, who = DESK_ON_SHIFT) => callAs(rt, who, imports.commitKeys, { propertyId: PROPERTY, commandId: newCommandId(), importId });
const listOf = async (rt: Rt, kind: string) => expectOk(await callAs(rt, DESK_ON_SHIFT, keys.list, { propertyId: PROPERTY, kind })).items;

describe('K1: the key register imported from a spreadsheet, previewed, then committed', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('K1: every problem is reported by its row and column, and nothing is written', async () => {
    const before = await snapshot(rt);
    const view = expectOk(await preview(rt, 'keys.csv', csv([
      '住户钥匙,1-1-101,Z-1,常用,0',
      '住户钥匙,1-1-101,Z-1-备,备用,0',
      '钥匙,3楼,G-1,常用,0',
      '住户钥匙,一楼,Z-2,备份,abc',
      '住户钥匙,9-9-909,Z-3,常用,0',
      '住户钥匙,1-1-101,Z-1,备用,0',
      '设备房,,SB-01,常用,100000',
    ])));
    expect(view).toMatchObject({ id: null, status: 'refused', fileProblem: null, keys: [] });
    expect(view.problems).toEqual([
      { line: 4, column: 'kind', problem: 'unknown_kind', firstLine: null },
      { line: 5, column: 'opens', problem: 'bad_room', firstLine: null },
      { line: 5, column: 'set', problem: 'unknown_set', firstLine: null },
      { line: 5, column: 'deposit', problem: 'bad_deposit', firstLine: null },
      { line: 6, column: 'opens', problem: 'no_such_room', firstLine: null },
      { line: 7, column: 'label', problem: 'duplicate', firstLine: 2 },
      { line: 8, column: 'opens', problem: 'missing', firstLine: null },
      { line: 8, column: 'deposit', problem: 'bad_deposit', firstLine: null },
    ]);
    expect(await snapshot(rt)).toEqual(before);
  });

  it('K1: a kind listed without its emergency spare set is refused, naming the kind', async () => {
    const view = expectOk(await preview(rt, 'keys.csv', csv(['设备房,2号楼水泵房,SB-02,常用,200', '水表箱,1号楼1单元,SX-1-1,常用,', '水表箱,1号楼1单元,SX-1-1-备,备用,'])));
    expect(view).toMatchObject({ status: 'refused', problems: [], sparesMissing: ['equipment'] });
  });

  it('K1: a clean file is previewed without touching the register, then committed: each kind with its spare set, deposits in fen', async () => {
    const view = expectOk(await preview(rt, 'keys.csv', csv(register)));
    expect(view).toMatchObject({ status: 'previewed', total: 8, added: 8, existing: 0, problems: [], sparesMissing: [] });
    expect(view.keys.map((k) => [k.line, k.kind, k.label, k.set, k.depositFen, k.existing])).toEqual([
      [2, 'resident', 'Z-1-1-101', 'working', 0, false],
      [3, 'resident', 'Z-1-1-101-备', 'spare', 0, false],
      [4, 'public', 'G1-3-01', 'working', 0, false],
      [5, 'public', 'G1-3-01-备', 'spare', 0, false],
      [6, 'equipment', 'SB-02', 'working', 20_000, false],
      [7, 'equipment', 'SB-02-备', 'spare', 20_050, false],
      [8, 'meter_box', 'SX-1-1', 'working', 0, false],
      [9, 'meter_box', 'SX-1-1-备', 'spare', 0, false],
    ]);
    expect(raw(rt, 'keys')).toEqual([]);
    const done = expectOk(await commit(rt, view.id!));
    expect(done).toMatchObject({ status: 'committed', added: 8, existing: 0 });
    expect((await listOf(rt, 'equipment')).map((k) => [k.label, k.opens, k.set, k.depositFen, k.onLoan])).toEqual([
      ['SB-02', '2号楼水泵房', 'working', 20_000, false],
      ['SB-02-备', '2号楼水泵房', 'spare', 20_050, false],
    ]);
    expect((await listOf(rt, 'resident')).map((k) => k.opens)).toEqual(['1-1-101', '1-1-101']);
    expect(raw<{ addedBy: string }>(rt, 'keys').every((k) => k.addedBy === '陈晓')).toBe(true);
  });

  it('K1, issue 16: the import is marked committed only with its keys stored: a run whose registration fails is rolled back, and the next commits', async () => {
    const { last } = watchTraces(rt);
    const first = expectOk(await preview(rt, 'keys.csv', csv(register.slice(0, 4))));
    expect(expectOk(await commit(rt, first.id!))).toMatchObject({ status: 'committed', added: 4 });
    // The register's read and insert go out beside the transaction's read and write of the import: committed in the fifth wait.
    const waits = last().filter((c) => c.detail === 'keys' || c.detail === 'keyImports' || c.kind === 'database.commitTransaction').map((c) => `${c.wait} ${c.kind} ${c.detail}`.trim());
    expect(waits.sort()).toEqual([
      '1 database.getDocument keyImports',
      '2 database.getDocument keyImports',
      '2 database.getDocument keys',
      '3 database.insertDocument keys',
      '3 database.modifyDocument keyImports',
      '5 database.commitTransaction',
    ]);
    const second = expectOk(await preview(rt, 'keys.csv', csv(register.slice(4))));
    // Every try of the first run's insert fails (the register looks again and retries twice).
    for (let i = 0; i < 3; i++) rt.engine.failNext('database.insertDocument', networkDown, { collection: 'keys' });
    expect(expectOk(await commit(rt, second.id!))).toMatchObject({ status: 'committed', added: 4 });
    const ends = last().filter((c) => c.kind === 'database.commitTransaction' || c.kind === 'database.abortTransaction' || c.detail === 'keys');
    expect(ends.map((c) => c.kind.replace('database.', ''))).toEqual([
      ...Array<string[]>(3).fill(['getDocument', 'insertDocument']).flat(),
      'abortTransaction',
      'getDocument',
      'insertDocument',
      'commitTransaction',
    ]);
    expect(raw(rt, 'keys')).toHaveLength(8);
    expect(raw(rt, 'keyImports').map((k) => k.status)).toEqual(['committed', 'committed']);
  });

  it('K1: committing twice, even at once, or importing the same file again, adds nothing twice; keys already held are left as they are', async () => {
    const first = expectOk(await preview(rt, 'keys.csv', csv(register)));
    const [a, b] = await Promise.all([commit(rt, first.id!), commit(rt, first.id!)]);
    expect([expectOk(a).status, expectOk(b).status]).toEqual(['committed', 'committed']);
    expect(expectOk(await commit(rt, first.id!))).toMatchObject({ status: 'committed', added: 8, existing: 0 });
    expect(raw(rt, 'keys')).toHaveLength(8);
    const again = expectOk(await preview(rt, 'keys.csv', csv([...register, '设备房,3号楼配电房,PD-03,常用,0', '设备房,3号楼配电房,PD-03-备,备用,0'])));
    expect(again.keys.filter((k) => k.existing).length).toBe(8);
    const keysBefore = raw(rt, 'keys');
    expect(expectOk(await commit(rt, again.id!))).toMatchObject({ added: 2, existing: 8 });
    expect(raw(rt, 'keys').filter((k) => keysBefore.some((o) => JSON.stringify(o) === JSON.stringify(k)))).toHaveLength(8);
    expect(raw(rt, 'keys')).toHaveLength(10);
  });

  it('K1: an .xlsx from the template reads the same way; the template has the header and an example of each kind with its spare', async () => {
    const template = expectOk(await callAs(rt, SUPERVISOR, imports.keyTemplate, { propertyId: PROPERTY }));
    expect(template.csv.split('\r\n')[0]).toBe('\uFEFF类别,开启位置,钥匙编号,组别,押金（元）');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(template.xlsxBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('钥匙登记');
    expect(sheet.getRow(1).values).toEqual([undefined, '类别', '开启位置', '钥匙编号', '组别', '押金（元）']);
    expect(sheet.rowCount).toBe(9);
    const view = expectOk(await preview(rt, '钥匙登记.xlsx', Buffer.from(template.xlsxBase64, 'base64'), SUPERVISOR));
    expect(view).toMatchObject({ status: 'previewed', total: 8 });
  });

  it('K1: a file not the caller\'s own, a file that is no sheet, an import of another property: each refused with its code', async () => {
    const notMine = uploadAs(rt, SUPERVISOR, 'keys-sup.csv', csv(register));
    expect(await callAs(rt, DESK_ON_SHIFT, imports.previewKeys, { propertyId: PROPERTY, commandId: newCommandId(), fileName: 'keys.csv', fileId: notMine })).toMatchObject({ ok: false, code: 'IMPORT.FILE_NOT_YOURS' });
    expect(expectOk(await preview(rt, 'keys.xlsx', Buffer.from('not a workbook')))).toMatchObject({ status: 'refused', fileProblem: 'unreadable' });
    expect(expectOk(await preview(rt, 'keys.csv', Buffer.from('楼栋,单元,房号\r\n1,1,101')))).toMatchObject({ status: 'refused', fileProblem: 'bad_header' });
    expect(await commit(rt, 'kimp_nosuch')).toMatchObject({ ok: false, code: 'IMPORT.NOT_FOUND' });
  });

  it('K1: a resident, a technician, the manager and another property\'s desk are refused, and nothing changes', async () => {
    const view = expectOk(await preview(rt, 'keys.csv', csv(register)));
    const now = '2026-11-01T00:00:00.000Z';
    await rt.db.collection('properties').doc('other').set({ data: { propertyId: 'other', schemaVersion: 1, name: '翠湖苑', deskPhone: '021-66660000' } });
    await rt.db.collection('members').doc('mb_otherdesk').set({
      data: { propertyId: 'other', schemaVersion: 2, openid: 'o-other-desk', role: 'desk', status: 'active', name: '外盘客服', phone: '13000000000', roomIds: [], skills: [], vip: false, createdAt: now },
    });
    const before = await snapshot(rt);
    for (const who of [WANG, TECH_LI, MANAGER]) expect(await commit(rt, view.id!, who)).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    expect(await commit(rt, view.id!, 'o-other-desk')).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-other-desk', imports.commitKeys, { propertyId: 'other', commandId: newCommandId(), importId: view.id })).toMatchObject({ ok: false, code: 'IMPORT.NOT_FOUND' });
    expect(await snapshot(rt)).toEqual(before);
  });
});
