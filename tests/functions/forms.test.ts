import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { repairs, type Action } from '@shared/contracts';
import * as duty from '@shared/contracts/duty.contract';
import * as forms from '@shared/contracts/forms.contract';
import type { Printed } from '@shared/contracts/forms.contract';
import * as keys from '@shared/contracts/keys.contract';
import { maskIdNumber } from '@shared/domain/key.rules';
import {
  callAs, DESK_OTHER, DESK_ON_SHIFT, expectOk, expectRefusedUnchanged, MANAGER, memberIdOf, newCommandId, PROPERTY, repairInput, startRuntime, SUPERVISOR, TECH_LI, TECH_MA, testClock,
  uploadAs, WANG,
} from './harness';
import { openProperty } from './company-harness';
import { recordCalls } from './call-journeys';
import { INLINE_MAX_BASE64 } from '../../cloudfunctions/forms/printed';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
type Sheet = ExcelJS.Worksheet;

const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', name), 'utf8')) as Record<string, unknown>;

/** The form's bytes: in the answer, or fetched by its link as the phone or the browser would. */
const bytesOf = (rt: Rt, answer: Printed): Buffer => {
  if ('base64' in answer) return Buffer.from(answer.base64, 'base64');
  const served = rt.files.serve(new URL(answer.url, 'http://127.0.0.1').searchParams);
  if (!('bytes' in served)) throw new Error(`the link was refused: ${served.error}`);
  return served.bytes;
};

/** The form's file read back with exceljs. */
const readBack = async (rt: Rt, answer: Printed): Promise<Sheet> => {
  expect(answer.fileName).toMatch(/\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytesOf(rt, answer) as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(1);
  return book.worksheets[0] as Sheet;
};

const text = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

/** Every row as its cells' text, merged cells read once (from their first cell). */
const rowsOf = (sheet: Sheet): string[][] => {
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (!cell.isMerged || cell.master === cell) cells.push(text(cell.value));
    });
    out.push(cells);
  });
  return out;
};

/** The row whose first cell is `label`. */
const rowLabelled = (sheet: Sheet, label: string) => rowsOf(sheet).find((r) => r[0] === label);
/** The value beside `label` in a row of label–value pairs. */
const valueOf = (sheet: Sheet, label: string) => {
  for (const row of rowsOf(sheet)) {
    const at = row.indexOf(label);
    if (at >= 0 && at % 2 === 0) return row[at + 1];
  }
  throw new Error(`no box labelled ${label}`);
};
const allText = (sheet: Sheet) => rowsOf(sheet).flat().join('\n');

/** A4 (paper size 9), one page wide, the print area the whole form, the title rows (or the table's header) repeated. */
const expectPageSetup = (sheet: Sheet, orientation: 'portrait' | 'landscape', lastColumn: string, titles: string) => {
  expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: `A1:${lastColumn}${sheet.rowCount}`, printTitlesRow: titles });
};

/** How the form came, and what its call cost: its waits and whether it touched storage. */
const costOf = (calls: ReturnType<typeof recordCalls>, key: string) =>
  (calls.get(key) ?? []).map((c) => ({ waits: c.calls.sequential, storage: c.calls.trace.filter((t) => t.kind.startsWith('storage.')).map((t) => t.kind) }));

/** What the paper shows: every row's text, the merged boxes and the page setup. */
const paperOf = (sheet: Sheet) => ({ name: sheet.name, rows: rowsOf(sheet), merges: [...sheet.model.merges].sort(), pageSetup: sheet.pageSetup });

/** No openid, no internal id of the record, on the paper. */
const expectNoIds = (sheet: Sheet, ids: string[]) => {
  const all = allText(sheet);
  for (const id of ids) expect(all).not.toContain(id);
  expect(all).not.toMatch(/\bo-[a-z]+-[a-z]+\b|cloud:\/\//);
};

describe('issue 19 (4): 维修派工单, the work order printed from the repair detail', () => {
  let rt: Rt;
  let repairId: string;
  beforeEach(async () => {
    rt = await startRuntime();
    repairId = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '厨房水龙头一直滴水，水槽下面也在渗水' }))).id;
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: newCommandId(), repairId, version: 1, technicianId: memberIdOf(TECH_LI) }));
  });
  afterEach(() => rt.close());

  it('the desk prints it: the resident, full number, room, category, what to repair, the agreed time and the technician; title and long boxes merged; A4 portrait, one page wide', async () => {
    const sheet = await readBack(rt, expectOk(await callAs(rt, DESK_ON_SHIFT, forms.workOrder, { propertyId: PROPERTY, repairId })));
    expect(sheet.name).toBe('维修派工单');
    expect(text(sheet.getCell('A1').value)).toBe('阳光花园维修派工单');
    expect(text(sheet.getCell('A2').value)).toBe('打印时间：2026-11-23 10:00');
    expect(valueOf(sheet, '业主姓名')).toBe('王秀英');
    expect(valueOf(sheet, '联系电话')).toMatch(/^1\d{10}$/);
    expect(valueOf(sheet, '房号')).toBe('1-1-101');
    expect(valueOf(sheet, '维修类别')).toBe('给排水');
    expect(valueOf(sheet, '预约时间')).toBe('2026-11-24 晚上');
    expect(valueOf(sheet, '维修人员')).toBe('李建国');
    expect(valueOf(sheet, '派工时间')).toBe('2026-11-23 10:00');
    expect(rowLabelled(sheet, '报修内容')).toEqual(['报修内容', '厨房水龙头一直滴水，水槽下面也在渗水']);
    const description = rowsOf(sheet).findIndex((r) => r[0] === '报修内容') + 1;
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2', `B${description}:D${description}`]));
    expect(rowsOf(sheet).at(-1)?.[0]).toContain('维修人员：');
    expectPageSetup(sheet, 'portrait', 'D', '1:2');
    expectNoIds(sheet, [repairId, WANG, memberIdOf(TECH_LI)]);
  });

  it('the technician it is assigned to prints his own, with the number he calls; the manager gets it masked', async () => {
    const own = await readBack(rt, expectOk(await callAs(rt, TECH_LI, forms.workOrder, { propertyId: PROPERTY, repairId })));
    const full = valueOf(own, '联系电话');
    expect(full).toMatch(/^1\d{10}$/);
    const managers = await readBack(rt, expectOk(await callAs(rt, MANAGER, forms.workOrder, { propertyId: PROPERTY, repairId })));
    expect(valueOf(managers, '联系电话')).toBe(`${full?.slice(0, 3)}****${full?.slice(-4)}`);
  });

  it('refused, writing nothing, to a technician it is not assigned to, a resident (even its own), and the desk of another property', async () => {
    const input = { propertyId: PROPERTY, repairId };
    await expectRefusedUnchanged(rt, TECH_MA, forms.workOrder, input, 'REPAIR.NOT_FOUND');
    await expectRefusedUnchanged(rt, WANG, forms.workOrder, input, 'COMMON.FORBIDDEN');
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    await expectRefusedUnchanged(rt, 'o-east-desk', forms.workOrder, input, 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, 'o-east-desk', forms.workOrder, { propertyId: 'east', repairId }, 'REPAIR.NOT_FOUND');
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, forms.workOrder, { propertyId: PROPERTY, repairId: 'rp_nothing' }, 'REPAIR.NOT_FOUND');
  });

  it('issue 16: asked inline (as the app asks since release 20), the work order comes in the answer: one wait, nothing stored, no link, the same paper as the linked file', async () => {
    const input = { propertyId: PROPERTY, repairId };
    const calls = recordCalls(rt);
    const inline = expectOk(await callAs(rt, DESK_ON_SHIFT, forms.workOrder, { ...input, deliver: 'inline' }));
    expect(Object.keys(inline).sort()).toEqual(['base64', 'fileName']);
    const linked = expectOk(await callAs(rt, DESK_ON_SHIFT, forms.workOrder, input));
    expect(Object.keys(linked).sort()).toEqual(['fileName', 'url']);
    expect(inline.fileName).toBe(linked.fileName);
    expect(paperOf(await readBack(rt, inline))).toEqual(paperOf(await readBack(rt, linked)));
    expect(costOf(calls, 'forms.workOrder')).toEqual([
      { waits: 1, storage: [] },
      { waits: 3, storage: ['storage.upload', 'storage.tempUrls'] },
    ]);
  });

  it('issue 16: asked inline, every refusal is as before: nothing of the form reaches a technician it is not assigned to, a resident or another property\'s desk', async () => {
    const input = { propertyId: PROPERTY, repairId, deliver: 'inline' };
    await expectRefusedUnchanged(rt, TECH_MA, forms.workOrder, input, 'REPAIR.NOT_FOUND');
    await expectRefusedUnchanged(rt, WANG, forms.workOrder, input, 'COMMON.FORBIDDEN');
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    await expectRefusedUnchanged(rt, 'o-east-desk', forms.workOrder, input, 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, 'o-east-desk', forms.workOrder, { ...input, propertyId: 'east' }, 'REPAIR.NOT_FOUND');
    expect(await callAs(rt, DESK_ON_SHIFT, forms.workOrder, { ...input, deliver: 'attached' })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', fields: [{ field: 'deliver' }] });
  });
});

/** The refusals every form other than the work order shares: the resident and technicians by role, another property's desk by membership and by record. */
const expectStaffOnly = async (rt: Rt, action: Action, input: Record<string, unknown>, notFound: string) => {
  await expectRefusedUnchanged(rt, WANG, action, input, 'COMMON.FORBIDDEN');
  await expectRefusedUnchanged(rt, TECH_LI, action, input, 'COMMON.FORBIDDEN');
  await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
  await expectRefusedUnchanged(rt, 'o-east-desk', action, input, 'COMMON.NOT_A_MEMBER');
  if (notFound) await expectRefusedUnchanged(rt, 'o-east-desk', action, { ...input, propertyId: 'east' }, notFound);
};

describe('issue 19 (4): 回访记录表 and 投诉处理回单', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('B1 B2: the callback record carries who was called, why, how, reached and satisfied, what they said; the number masked', async () => {
    rt.engine.insertRaw('callbacks', [
      {
        ...fixture('callback.v2.json'),
        _id: 'cb_done',
        kind: 'repair',
        reason: 'quota',
        status: 'done',
        outcome: { reached: true, satisfied: false, notes: '水龙头修好了，但师傅迟到半小时', method: 'phone', at: '2026-11-23T03:00:00.000Z', by: '陈晓' },
      },
    ]);
    const input = { propertyId: PROPERTY, callbackId: 'cb_done' };
    const sheet = await readBack(rt, expectOk(await callAs(rt, DESK_ON_SHIFT, forms.callbackRecord, input)));
    expect(text(sheet.getCell('A1').value)).toBe('阳光花园回访记录表');
    expect([valueOf(sheet, '回访类别'), valueOf(sheet, '回访原因'), valueOf(sheet, '业主姓名'), valueOf(sheet, '联系电话'), valueOf(sheet, '房号')]).toEqual(['报修回访', '抽样回访', '王秀英', '138****1234', '1-1-101']);
    expect([valueOf(sheet, '回访方式'), valueOf(sheet, '回访时间'), valueOf(sheet, '是否联系上'), valueOf(sheet, '是否满意'), valueOf(sheet, '回访人')]).toEqual(['电话回访', '2026-11-23 11:00', '是', '不满意', '陈晓']);
    expect(rowLabelled(sheet, '回访内容')).toEqual(['回访内容', '水龙头修好了，但师傅迟到半小时']);
    const notes = rowsOf(sheet).findIndex((r) => r[0] === '回访内容') + 1;
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', `B${notes}:D${notes}`]));
    expectPageSetup(sheet, 'portrait', 'D', '1:2');
    expectNoIds(sheet, ['cb_done', 'o-wang', '13800001234']);
    await expectStaffOnly(rt, forms.callbackRecord, input, 'CALLBACK.NOT_FOUND');
  });

  it('C1 C5: the handling slip carries the complaint, the department and instructions it was issued to, the time limit and the reply; the number masked', async () => {
    rt.engine.insertRaw('complaints', [
      {
        ...fixture('complaint.v1.json'),
        _id: 'cp_slip',
        status: 'handling',
        description: '楼道灯坏了一个星期没人修',
        target: '工程部',
        request: '三天内修好',
        classification: { class: 'responsible', severity: 'general', jurisdiction: null, reasons: [], note: '', by: '刘主管', role: 'supervisor', at: '2026-10-01T03:00:00.000Z' },
        slip: { department: '工程部', assignee: '马超', instructions: '今天下班前换好灯管并回复', by: '陈晓', at: '2026-10-01T03:10:00.000Z' },
        dueAt: '2026-10-02T03:00:00.000Z',
      },
    ]);
    const input = { propertyId: PROPERTY, ref: { kind: 'complaint', id: 'cp_slip' } };
    const sheet = await readBack(rt, expectOk(await callAs(rt, SUPERVISOR, forms.complaintSlip, input)));
    expect(text(sheet.getCell('A1').value)).toBe('阳光花园投诉处理回单');
    expect([valueOf(sheet, '投诉人'), valueOf(sheet, '联系电话'), valueOf(sheet, '房号/地点'), valueOf(sheet, '投诉对象')]).toEqual(['王秀英', '138****0001', '1-1-101', '工程部']);
    expect([valueOf(sheet, '投诉性质'), valueOf(sheet, '处理部门'), valueOf(sheet, '责任人'), valueOf(sheet, '签发人'), valueOf(sheet, '处理时限')]).toEqual(['有责投诉 · 一般', '工程部', '马超', '陈晓', '2026-10-02 11:00']);
    expect(rowLabelled(sheet, '投诉内容')).toEqual(['投诉内容', '楼道灯坏了一个星期没人修']);
    expect(rowLabelled(sheet, '处理要求')).toEqual(['处理要求', '今天下班前换好灯管并回复']);
    const instructions = rowsOf(sheet).findIndex((r) => r[0] === '处理要求') + 1;
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', `B${instructions}:D${instructions}`]));
    expectPageSetup(sheet, 'portrait', 'D', '1:2');
    expectNoIds(sheet, ['cp_slip', 'o-resident-1', '13800000001']);
    await expectStaffOnly(rt, forms.complaintSlip, input, 'COMPLAINT.NOT_FOUND');
  });
  it.each([
    ['cg_lift', { scope: 'building', building: '1' }, '1栋'],
    ['cg_park', { scope: 'public_area', area: 'parking' }, '停车场'],
  ])('C3 C1: a group complaint\'s slip (%s) names its households\' count and the place (%j: %s) as the app words it, not any one resident', async (id, place, where) => {
    rt.engine.insertRaw('complaintGroups', [
      {
        _id: id, propertyId: PROPERTY, schemaVersion: 2, queueRank: 0, queueDue: '2026-11-23T10:00:00.000Z', status: 'handling', version: 3, urgency: 'top',
        governmentOrMedia: false, injuryOrLoss: false,
        classification: { class: 'responsible', severity: 'major', jurisdiction: null, reasons: ['group'], note: '', by: '陈晓', role: 'desk', at: '2026-11-23T02:00:00.000Z' },
        slip: { department: '工程部', assignee: '马超', instructions: '联系电梯维保单位当天检修', by: '陈晓', at: '2026-11-23T02:05:00.000Z' },
        managerAck: null, reply: null, upgradeAt: null, dueRule: 'C4.major', dueAt: '2026-11-23T10:00:00.000Z', dueMetAt: null, resolvedAt: null,
        createdAt: '2026-11-23T01:50:00.000Z', updatedAt: '2026-11-23T02:05:00.000Z', matterKey: 'elevator|building:1', category: 'elevator',
        place, memberIds: ['cp_a', 'cp_b', 'cp_c', 'cp_d', 'cp_e'], roomIds: ['demo:1-1-101', 'demo:1-1-102', 'demo:1-1-201', 'demo:1-1-202', 'demo:1-1-301'],
        settledAt: null, registerDate: '2026-11-23',
      },
    ]);
    const sheet = await readBack(rt, expectOk(await callAs(rt, DESK_ON_SHIFT, forms.complaintSlip, { propertyId: PROPERTY, ref: { kind: 'group', id } })));
    expect([valueOf(sheet, '投诉人'), valueOf(sheet, '房号/地点'), valueOf(sheet, '投诉类别'), valueOf(sheet, '投诉性质'), valueOf(sheet, '紧急程度')]).toEqual(['共 5 户（群体投诉）', where, '电梯', '有责投诉 · 重大', '特急']);
    expect(rowLabelled(sheet, '处理要求')).toEqual(['处理要求', '联系电梯维保单位当天检修']);
    expectNoIds(sheet, [id, 'cp_a', 'demo:1-1-101']);
  });
});

const MORNING_PAGE = `${PROPERTY}~2026-11-23~0800`;
const entry = (over: Record<string, unknown>) => ({ propertyId: PROPERTY, commandId: newCommandId(), handling: '已处理', followUp: '', result: '', status: 'closed', ...over });

describe('issue 19 (4): 值班日志 and 交接班记录', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-11-23T07:10:00.000Z'));
  });
  afterEach(() => rt.close());

  it('D1 D2: the day\'s log: each shift under its heading with who was on duty, each entry with time, kind, what, handling, aftermath and result; landscape, the column heads repeated', async () => {
    rt.clock.set('2026-11-23T01:00:00.000Z');
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() }));
    rt.clock.set('2026-11-23T07:10:00.000Z');
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ at: '2026-11-23T09:30:00+08:00', kind: 'move_in', what: '3-2-602 业主搬入', handling: '已登记车辆', result: '完成' })));
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ at: '2026-11-23T14:05:00+08:00', kind: 'theft', what: '车棚电动车被盗', handling: '已报警', followUp: '等派出所回复', status: 'following' })));
    const sheet = await readBack(rt, expectOk(await callAs(rt, SUPERVISOR, forms.dutyDay, { propertyId: PROPERTY, date: '2026-11-23' })));
    expect(text(sheet.getCell('A1').value)).toBe('阳光花园客服部值班日志');
    expect(text(sheet.getCell('A2').value)).toBe('日期：2026-11-23');
    const rows = rowsOf(sheet);
    expect(rows[3]).toEqual(['时间', '事件类型', '事情情况', '处理', '善后处理', '结果', '记录人']);
    expect(rows[4]?.[0]).toBe('早班（08:00–16:00）  值班人：陈晓');
    expect(rows.slice(5, 7)).toEqual([
      ['09:30', '迁入', '3-2-602 业主搬入', '已登记车辆', '', '完成', '陈晓'],
      ['14:05', '失窃（重大）', '车棚电动车被盗', '已报警', '等派出所回复', '', '陈晓'],
    ]);
    expect(rows.at(-1)).toEqual(['客服经理签字：__________']);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:G1', 'A5:G5']));
    expectPageSetup(sheet, 'landscape', 'G', '4:4');
    expectNoIds(sheet, [DESK_ON_SHIFT, MORNING_PAGE]);
    await expectStaffOnly(rt, forms.dutyDay, { propertyId: PROPERTY, date: '2026-11-23' }, '');
  });

  it('D2: a signed day carries the desk manager\'s name and time', async () => {
    rt.engine.insertRaw('dutyDays', [{ _id: `${PROPERTY}~2026-11-22`, propertyId: PROPERTY, schemaVersion: 1, date: '2026-11-22', signedBy: { name: '刘主管', openid: 'o-sup-liu', at: '2026-11-23T01:00:00.000Z' }, remarks: '夜班无异常', flaggedAt: null }]);
    const sheet = await readBack(rt, expectOk(await callAs(rt, MANAGER, forms.dutyDay, { propertyId: PROPERTY, date: '2026-11-22' })));
    expect(rowsOf(sheet).slice(-2)).toEqual([['客服经理签字：刘主管（2026-11-23 09:00）'], ['备注：夜班无异常']]);
    expectNoIds(sheet, ['o-sup-liu']);
  });

  it('issue 16 D2: the day\'s log inline is the same paper as the linked one, one wait', async () => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ at: '2026-11-23T09:30:00+08:00', kind: 'move_in', what: '3-2-602 业主搬入', handling: '已登记车辆', result: '完成' })));
    const input = { propertyId: PROPERTY, date: '2026-11-23' };
    const calls = recordCalls(rt);
    const inline = expectOk(await callAs(rt, SUPERVISOR, forms.dutyDay, { ...input, deliver: 'inline' }));
    expect('base64' in inline).toBe(true);
    expect(paperOf(await readBack(rt, inline))).toEqual(paperOf(await readBack(rt, expectOk(await callAs(rt, SUPERVISOR, forms.dutyDay, input)))));
    expect(costOf(calls, 'forms.dutyDay').map((c) => c.waits)).toEqual([1, 3]);
  });

  it('issue 16 D2: a day\'s log too big for an answer goes through storage and a short-lived link even when asked inline: two waits more, the whole paper', async () => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ at: '2026-11-23T09:30:00+08:00', kind: 'other', what: '巡查', handling: '已处理', result: '完成' })));
    const page = (await rt.db.collection('dutyPages').doc(MORNING_PAGE).get()).data as { entries: Record<string, unknown>[] };
    const [first] = page.entries;
    // Text that does not compress: a page's most entries (300), each with 200 random characters in three boxes, make a file far past what an answer carries.
    const noise = () => randomBytes(150).toString('base64');
    const entries = Array.from({ length: 300 }, (_x, i) => ({ ...first, id: `de_big${i}`, what: noise(), handling: noise(), result: noise() }));
    await rt.db.collection('dutyPages').doc(MORNING_PAGE).update({ data: { entries } });
    const calls = recordCalls(rt);
    const answer = expectOk(await callAs(rt, SUPERVISOR, forms.dutyDay, { propertyId: PROPERTY, date: '2026-11-23', deliver: 'inline' }));
    expect(Object.keys(answer).sort()).toEqual(['fileName', 'url']);
    expect(bytesOf(rt, answer).length).toBeGreaterThan((INLINE_MAX_BASE64 / 4) * 3);
    const rows = rowsOf(await readBack(rt, answer));
    expect(rows.filter((r) => entries.some((e) => e.what === r[2] && e.handling === r[3]))).toHaveLength(300);
    expect(costOf(calls, 'forms.dutyDay')).toEqual([{ waits: 3, storage: ['storage.upload', 'storage.tempUrls'] }]);
    // The link works for minutes, as every file's (file-links.ts).
    rt.clock.advanceMinutes(11);
    expect(() => bytesOf(rt, answer)).toThrow(/the link was refused/);
  });

  it('D3: the handover record: both members, on time, every open major matter with cause, process and result, the instructions, the preparation, both signatures', async () => {
    const theft = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.logEntry, entry({ kind: 'theft', what: '车棚电动车被盗', status: 'following' }))).entries.find((e) => e.kind === 'theft')!;
    expectOk(await callAs(rt, DESK_OTHER, duty.signIn, { propertyId: PROPERTY, commandId: newCommandId() }));
    const matter = { entryId: theft.id, cause: '车棚监控盲区', process: '已报警，派出所已立案', result: '等待派出所回复' };
    const handOver = { propertyId: PROPERTY, commandId: newCommandId(), pageId: MORNING_PAGE, matters: [matter], instructions: '经理交代：明早 9 点消防检查', preparation: [true, true, true, true], substituteId: null };
    const handed = expectOk(await callAs(rt, DESK_ON_SHIFT, duty.handOver, handOver)).handover!;
    expectOk(await callAs(rt, DESK_OTHER, duty.receive, { propertyId: PROPERTY, commandId: newCommandId(), handoverId: handed.id, version: 1 }));
    const input = { propertyId: PROPERTY, handoverId: handed.id };
    const sheet = await readBack(rt, expectOk(await callAs(rt, DESK_ON_SHIFT, forms.handover, input)));
    expect(text(sheet.getCell('A1').value)).toBe('阳光花园交接班记录');
    expect(text(sheet.getCell('A2').value)).toBe('2026-11-23 早班（08:00–16:00）');
    expect([valueOf(sheet, '交班人'), valueOf(sheet, '接班人'), valueOf(sheet, '接班时间'), valueOf(sheet, '是否按时')]).toEqual(['陈晓', '林琳', '2026-11-23 15:10', '按时']);
    const rows = rowsOf(sheet);
    const head = rows.findIndex((r) => r[0] === '交接事项');
    expect(rows.slice(head, head + 2)).toEqual([['交接事项', '原因', '经过', '结果'], ['1', '车棚监控盲区', '已报警，派出所已立案', '等待派出所回复']]);
    expect(rowLabelled(sheet, '上级指示')).toEqual(['上级指示', '经理交代：明早 9 点消防检查']);
    expect(rowLabelled(sheet, '交班准备')?.[1]).toMatch(/^☑ /);
    expect(rows.at(-1)?.[0]).toBe('交班人签字：陈晓（2026-11-23 15:10 已在手机上签字）    接班人签字：林琳（2026-11-23 15:10 已在手机上签字）');
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2']));
    expectPageSetup(sheet, 'portrait', 'D', '1:3');
    expectNoIds(sheet, [handed.id, theft.id, DESK_OTHER]);
    await expectStaffOnly(rt, forms.handover, input, 'DUTY.HANDOVER_NOT_FOUND');
  });
});

describe('issue 19 (4): 钥匙借用登记表 and 钥匙盘点表', () => {
  let rt: Rt;
  afterEach(() => rt.close());

  const addKey = (over: Record<string, unknown> = {}) =>
    callAs(rt, DESK_ON_SHIFT, keys.add, { propertyId: PROPERTY, commandId: newCommandId(), kind: 'equipment', opens: '2号楼水泵房', label: 'SB-02', set: 'working', depositFen: 20_000, ...over });

  it('K2: the loan slip: the key, the contractor with his masked ID, the purpose and times, the deposit and its receipt, the return and the refund; the number full for the desk, masked for the manager', async () => {
    rt = await startRuntime();
    const key = expectOk(await addKey());
    const loan = expectOk(
      await callAs(rt, DESK_ON_SHIFT, keys.lend, {
        propertyId: PROPERTY, commandId: newCommandId(), keyId: key.id, purpose: '水泵检修', dueBackAt: '2026-11-23T17:00:00+08:00',
        borrower: { type: 'contractor', name: '赵师傅', phone: '13800000601', idMasked: maskIdNumber('110101199003071234') },
        signature: uploadAs(rt, DESK_ON_SHIFT, 'signature.png'), deposit: { method: 'cash', receiptNo: 'YJ-20261123-01' },
      }),
    );
    expectOk(await callAs(rt, DESK_ON_SHIFT, keys.giveBack, { propertyId: PROPERTY, commandId: newCommandId(), loanId: loan.id, version: loan.version, deposit: { outcome: 'refunded' } }));
    const input = { propertyId: PROPERTY, loanId: loan.id };
    const sheet = await readBack(rt, expectOk(await callAs(rt, DESK_ON_SHIFT, forms.keyLoan, input)));
    expect(text(sheet.getCell('A1').value)).toBe('阳光花园钥匙借用登记表');
    expect([valueOf(sheet, '钥匙编号'), valueOf(sheet, '钥匙类别'), valueOf(sheet, '借用人'), valueOf(sheet, '身份'), valueOf(sheet, '联系电话'), valueOf(sheet, '证件号码')]).toEqual([
      'SB-02', '设备房', '赵师傅', '施工/外来人员', '13800000601', '1*************1234',
    ]);
    expect([valueOf(sheet, '借出时间'), valueOf(sheet, '应还时间'), valueOf(sheet, '经办人'), valueOf(sheet, '状态')]).toEqual(['2026-11-23 10:00', '2026-11-23 17:00', '陈晓', '已归还']);
    expect([valueOf(sheet, '押金'), valueOf(sheet, '收据编号'), valueOf(sheet, '押金保管人'), valueOf(sheet, '借用人签字')]).toEqual(['200.00 元（现金）', 'YJ-20261123-01', '陈晓', '已在客服屏幕上手写签字（电子签名存档）']);
    expect(rowLabelled(sheet, '押金处理')).toEqual(['押金处理', '已退还 200.00 元（陈晓）']);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2']));
    expectPageSetup(sheet, 'portrait', 'D', '1:2');
    expect(allText(sheet)).not.toContain('110101199003071234');
    expectNoIds(sheet, [loan.id, key.id]);
    const managers = await readBack(rt, expectOk(await callAs(rt, MANAGER, forms.keyLoan, input)));
    expect(valueOf(managers, '联系电话')).toBe('138****0601');
    await expectStaffOnly(rt, forms.keyLoan, input, 'KEY.LOAN_NOT_FOUND');
  });

  it('K3: the month\'s inventory: each kind\'s register count beside the desk\'s, the difference explained, who counted, the total and the supervisor\'s signature line', async () => {
    rt = await startRuntime(testClock('2026-11-25T02:00:00.000Z'));
    await expectRefusedUnchanged(rt, DESK_ON_SHIFT, forms.keyInventory, { propertyId: PROPERTY, month: '2026-11' }, 'KEY.INVENTORY_NOT_STARTED');
    expectOk(await addKey());
    expectOk(await addKey({ kind: 'public', opens: '3楼', label: 'G3-01', depositFen: 0 }));
    const count = (kind: string, counted: number, explanation = '') => callAs(rt, DESK_ON_SHIFT, keys.count, { propertyId: PROPERTY, commandId: newCommandId(), kind, counted, explanation });
    expectOk(await count('equipment', 0, '水泵房钥匙借给赵师傅未还'));
    expectOk(await count('public', 1));
    const input = { propertyId: PROPERTY, month: '2026-11' };
    const sheet = await readBack(rt, expectOk(await callAs(rt, SUPERVISOR, forms.keyInventory, input)));
    expect(text(sheet.getCell('A1').value)).toBe('阳光花园2026年11月钥匙盘点表');
    const rows = rowsOf(sheet);
    expect(rows.slice(3, 9)).toEqual([
      ['钥匙类别', '登记数', '清点数', '差异', '差异说明', '清点人', '清点时间'],
      ['住户钥匙', '', '', '', '', '', ''],
      ['公共门窗', '1', '1', '0', '', '陈晓', '2026-11-25 10:00'],
      ['设备房', '1', '0', '-1', '水泵房钥匙借给赵师傅未还', '陈晓', '2026-11-25 10:00'],
      ['水表箱', '', '', '', '', '', ''],
      ['合计', '2', '1', '-1', '', '', ''],
    ]);
    expect(rows.at(-1)).toEqual(['客服主管签字：__________']);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A1:G1']));
    expectPageSetup(sheet, 'portrait', 'G', '4:4');
    await expectStaffOnly(rt, forms.keyInventory, input, 'KEY.INVENTORY_NOT_STARTED');
  });
});
