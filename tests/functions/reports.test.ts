import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import * as reports from '@shared/contracts/reports.contract';
import { ADMIN, callAs, DESK_ON_SHIFT, expectOk, MANAGER, PROPERTY, startRuntime, SUPERVISOR, TECH_LI, testClock } from './harness';
import { openProperty, staff } from './company-harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'stored', name), 'utf8')) as Record<string, unknown>;
const repairV3 = fixture('repair.v3.json');
const complaintV1 = fixture('complaint.v1.json');
const callbackV2 = fixture('callback.v2.json');

const LI = { memberId: 'mb_t1', openid: 'o-tech-1', name: '李建国' };

/** A work order as stored: returned (signed) `days` after dispatch, or still open with `days` null. */
const order = (id: string, over: { countsFor: string; createdAt: string; days: number | null; building?: string; category?: string; quality?: number; propertyId?: string }) => {
  const dispatchedAt = over.createdAt;
  const completedAt = over.days === null ? null : new Date(Date.parse(dispatchedAt) + over.days * 86_400_000).toISOString();
  return {
    ...repairV3,
    _id: id,
    propertyId: over.propertyId ?? PROPERTY,
    status: completedAt ? 'signed' : 'dispatched',
    priority: 'normal',
    category: over.category ?? 'water',
    address: { building: over.building ?? '1', unit: '1', room: '101' },
    technician: LI,
    createdAt: over.createdAt,
    dispatchedAt,
    completedAt,
    signOff: completedAt ? { signature: 'cloud://local.local/uploads/mb_t1/s.png', at: completedAt } : null,
    rating: completedAt ? { quality: over.quality ?? 5, attitude: 4, comment: '', at: completedAt, via: 'on_site' } : null,
    countsFor: over.countsFor,
  };
};

const classified = (cls: string, severity: string | null) => ({ class: cls, severity, jurisdiction: null, reasons: [], note: '', by: '刘主管', role: 'supervisor', at: '2026-11-02T02:00:00.000Z' });

const complaint = (id: string, registerDate: string, over: Record<string, unknown> = {}) => ({
  ...complaintV1,
  _id: id,
  registerDate,
  createdAt: `${registerDate}T02:00:00.000Z`,
  dueAt: null,
  ...over,
});

const callback = (id: string, kind: string, subjectId: string, createdAt: string, done: boolean) => ({
  ...callbackV2,
  _id: id,
  kind,
  reason: kind === 'repair' ? 'quota' : 'complaint',
  subject: { kind: kind === 'repair' ? 'repair' : 'complaint', id: subjectId },
  status: done ? 'done' : 'open',
  createdAt,
  outcome: done ? { reached: true, satisfied: true, notes: '满意', method: 'phone', at: createdAt, by: '陈客服' } : null,
});

/** November (this period) and October (the last), by R11's counting month, with complaints and callbacks in each. */
const seedTwoMonths = (rt: Rt) => {
  rt.engine.insertRaw('repairs', [
    order('rp_n1', { countsFor: '2026-11', createdAt: '2026-11-03T02:00:00.000Z', days: 1, building: '1', category: 'water' }),
    order('rp_n2', { countsFor: '2026-11', createdAt: '2026-11-05T02:00:00.000Z', days: 5, building: '2', category: 'water', quality: 3 }),
    order('rp_n3', { countsFor: '2026-11', createdAt: '2026-11-10T02:00:00.000Z', days: null, building: '2', category: 'electrical' }),
    // R11: created on 30 October, counted for November.
    order('rp_n4', { countsFor: '2026-11', createdAt: '2026-10-30T02:00:00.000Z', days: 2, building: '1', category: 'door_window' }),
    order('rp_o1', { countsFor: '2026-10', createdAt: '2026-10-08T02:00:00.000Z', days: 1, building: '1', category: 'water' }),
  ]);
  rt.engine.insertRaw('complaints', [
    complaint('cp_n1', '2026-11-04', { classification: classified('responsible', 'general'), resolvedAt: '2026-11-05T02:00:00.000Z', dueAt: '2026-11-06T02:00:00.000Z' }),
    complaint('cp_n2', '2026-11-12', { classification: classified('non_responsible', null) }),
    complaint('cp_o1', '2026-10-20', { classification: classified('responsible', 'major'), resolvedAt: '2026-10-20T08:00:00.000Z', dueAt: '2026-10-20T16:00:00.000Z' }),
  ]);
  rt.engine.insertRaw('callbacks', [
    callback('cb_n1', 'repair', 'rp_n1', '2026-11-04T03:00:00.000Z', true),
    callback('cb_n4', 'repair', 'rp_n4', '2026-11-02T03:00:00.000Z', false),
    callback('cb_c1', 'complaint', 'cp_n1', '2026-11-06T03:00:00.000Z', true),
    callback('cb_o1', 'repair', 'rp_o1', '2026-10-09T03:00:00.000Z', true),
  ]);
};

describe('issue 17 (2): the reports area, this period against the last', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-12-02T02:00:00.000Z'));
    seedTwoMonths(rt);
  });
  afterEach(() => rt.close());

  it('R11 R12 R9 R13: November\'s orders by counting month, by category and building, SLA attainment and the callback rate, against October', async () => {
    const report = expectOk(await callAs(rt, SUPERVISOR, reports.period, { propertyId: PROPERTY, period: '2026-11' }));
    expect(report.previous).toBe('2026-10');
    expect(report.current.repairs).toEqual({
      total: 4,
      byCategory: { water: 2, electrical: 1, door_window: 1 },
      byBuilding: { '1': 2, '2': 2 },
      returned: 3,
      returnedOnTime: 2,
      slaRate: 2 / 3,
      calledBack: 1,
      callbackRate: 1 / 3,
    });
    expect(report.before.repairs).toMatchObject({ total: 1, returned: 1, returnedOnTime: 1, slaRate: 1, calledBack: 1, callbackRate: 1 });
  });

  it('C8 C7 B4: complaints by class with handling, on-time and callback rates; callbacks planned and done by kind', async () => {
    const report = expectOk(await callAs(rt, MANAGER, reports.period, { propertyId: PROPERTY, period: '2026-11' }));
    expect(report.current.complaints).toMatchObject({
      total: 2,
      byClass: { major: 0, general: 1, non_responsible: 1, assistance: 0, unclassified: 0 },
      handled: 1,
      handlingRate: 0.5,
      onTimeRate: 1,
      calledBack: 1,
      callbackRate: 1,
    });
    expect(report.before.complaints.byClass.major).toBe(1);
    const byKind = Object.fromEntries(report.current.callbacks.map((k) => [k.kind, [k.planned, k.done]]));
    expect(byKind).toEqual({ repair: [2, 1], complaint: [1, 1], routine: [0, 0], visit: [0, 0] });
  });

  it('R7: each technician\'s scorecard over the period alone (its date range), not over all time', async () => {
    const report = expectOk(await callAs(rt, SUPERVISOR, reports.period, { propertyId: PROPERTY, period: '2026-11' }));
    expect(report.current.technicians).toEqual([
      { memberId: 'mb_t1', name: '李建国', ratings: 3, ownPhoneRatings: 0, quality: 13 / 3, attitude: 4, onTimeRate: 2 / 3, returned: 3, openLoad: 1 },
    ]);
    expect(report.before.technicians[0]).toMatchObject({ ratings: 1, quality: 5, returned: 1 });
  });

  it('a week (by its Monday) and a quarter read the same figures over their own spans; the week before and the quarter before', async () => {
    const week = expectOk(await callAs(rt, SUPERVISOR, reports.period, { propertyId: PROPERTY, period: '2026-11-02' }));
    expect(week.previous).toBe('2026-10-26');
    expect([week.current.repairs.total, week.before.repairs.total]).toEqual([2, 1]);
    const quarter = expectOk(await callAs(rt, SUPERVISOR, reports.period, { propertyId: PROPERTY, period: '2026-Q4' }));
    expect(quarter.previous).toBe('2026-Q3');
    expect([quarter.current.repairs.total, quarter.current.complaints.total, quarter.before.repairs.total]).toEqual([5, 3, 0]);
  });

  it('a period that is no period is refused with the field named, and a week must be named by its Monday', async () => {
    for (const period of ['2026-13', '2026-Q5', '2026-11-03', 'last month']) {
      const result = await callAs(rt, SUPERVISOR, reports.period, { propertyId: PROPERTY, period });
      expect(result).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', fields: [{ field: 'period', label: '统计期间' }] });
    }
  });

  it('the desk, technicians and residents cannot read the reports', async () => {
    for (const openid of [DESK_ON_SHIFT, TECH_LI, 'o-res-wang']) {
      expect(await callAs(rt, openid, reports.period, { propertyId: PROPERTY, period: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.FORBIDDEN' });
    }
  });
});

const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? '' : String(v));

describe('issue 17 (2): 导出 Excel, built by the function, stored, answered as a short-lived link', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-12-02T02:00:00.000Z'));
    seedTwoMonths(rt);
  });
  afterEach(() => rt.close());

  /** What `/api/storage/file` serves for the link, as a phone would fetch it. */
  const fetchLink = (url: string) => rt.files.serve(new URL(url, 'http://127.0.0.1').searchParams);

  it('R12 C8 B4 R7: the workbook reads back with its sheets, titles merged across the table, rows, signature line and A4 page setup', async () => {
    const answer = expectOk(await callAs(rt, SUPERVISOR, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11' }));
    expect(answer.fileName).toMatch(/2026年11月统计报表\.xlsx$/);
    expect(answer.url).toMatch(/^\/api\/storage\/file\?path=exports%2Fdemo%2F/);
    const served = fetchLink(answer.url);
    if (!('bytes' in served)) throw new Error(`the link was refused: ${served.error}`);
    expect(served.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(served.bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['综合指标', '按类别报修', '按楼栋报修', '投诉分类', '业户回访率', '维修人员考评']);

    const summary = book.getWorksheet('综合指标') as ExcelJS.Worksheet;
    expect(cellText(summary.getCell('A1').value)).toMatch(/2026年11月综合指标$/);
    expect(summary.model.merges).toEqual(expect.arrayContaining(['A1:D1', 'A2:D2', 'A3:D3']));
    expect(cellText(summary.getCell('A2').value)).toContain('统计期间：2026年11月（上期：2026年10月）');
    expect(cellText(summary.getCell('A3').value)).toBe('制表时间：2026-12-02 10:00');
    const rows = (sheet: ExcelJS.Worksheet) => {
      const out: string[][] = [];
      sheet.eachRow((row, n) => {
        if (n > 3) out.push(sheet.columns.map((_c, i) => cellText(row.getCell(i + 1).value)));
      });
      return out;
    };
    expect(rows(summary).slice(0, 5)).toEqual([
      ['项目', '本期', '上期', '增减'],
      ['报修总数', '4', '1', '+3'],
      ['已回单', '3', '1', '+2'],
      ['3天内回单率', '66.7%', '100.0%', '-33.3%'],
      ['报修回访率', '33.3%', '100.0%', '-66.7%'],
    ]);
    expect(rows(summary).at(-1)?.[0]).toContain('主管签字');
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, printTitlesRow: '4:4' });
    expect(rows(book.getWorksheet('按类别报修') as ExcelJS.Worksheet).slice(1, 4)).toEqual([
      ['给排水', '2', '1', '+1'],
      ['电路', '1', '0', '+1'],
      ['门窗', '1', '0', '+1'],
    ]);
    expect(rows(book.getWorksheet('维修人员考评') as ExcelJS.Worksheet)[1]).toEqual(['李建国', '3', '3', '4.33', '4.00', '66.7%']);
  });

  it('the link is the function\'s own and short-lived: refused once ten minutes have passed, and the file id never leaves', async () => {
    const answer = expectOk(await callAs(rt, MANAGER, reports.exportXlsx, { propertyId: PROPERTY, period: '2026-Q4' }));
    expect(JSON.stringify(answer)).not.toContain('cloud://');
    expect(fetchLink(answer.url)).toHaveProperty('bytes');
    rt.clock.advanceMinutes(11);
    expect(fetchLink(answer.url)).toEqual({ error: 'forbidden' });
  });
});

describe('issue 14 (3): the administrator compares properties; nothing of one leaks into another', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime(testClock('2026-12-02T02:00:00.000Z'));
    seedTwoMonths(rt);
    await openProperty(rt, 'east', '东苑', { manager: 'o-east-mgr', desk: 'o-east-desk' });
    await staff(rt, 'east', 'o-east-mgr', 'o-east-sup', 'supervisor', '东苑主管');
    rt.engine.insertRaw('repairs', [order('rp_e1', { propertyId: 'east', countsFor: '2026-11', createdAt: '2026-11-03T02:00:00.000Z', days: 4, building: '9' })]);
  });
  afterEach(() => rt.close());

  it('per month: each property by name with its repairs, SLA, callback rates, complaints by class and ratings, this month and last', async () => {
    const page = expectOk(await callAs(rt, ADMIN, reports.compare, { period: '2026-11' }));
    expect(page.previous).toBe('2026-10');
    const byId = Object.fromEntries(page.items.map((p) => [p.propertyId, p]));
    expect(byId.demo?.current).toMatchObject({ repairs: 4, slaRate: 2 / 3, repairCallbackRate: 0.5, complaintCallbackRate: 1, quality: 13 / 3, attitude: 4 });
    expect(byId.demo?.current.complaints).toMatchObject({ general: 1, non_responsible: 1 });
    expect(byId.demo?.before).toMatchObject({ repairs: 1, slaRate: 1 });
    expect(byId.east?.current).toMatchObject({ repairs: 1, slaRate: 0, quality: 5 });
    expect(byId.east?.before.repairs).toBe(0);
    expect(page.total).toBe(page.items.length);
  });

  it('per quarter, and never per week', async () => {
    const page = expectOk(await callAs(rt, ADMIN, reports.compare, { period: '2026-Q4' }));
    expect(page.items.find((p) => p.propertyId === 'demo')?.current.repairs).toBe(5);
    expect(await callAs(rt, ADMIN, reports.compare, { period: '2026-11-30' })).toMatchObject({ ok: false, code: 'COMMON.BAD_INPUT', fields: [{ field: 'period' }] });
  });

  it('a supervisor of one property asking for another\'s report, or its Excel file, is refused as no member there', async () => {
    const own = expectOk(await callAs(rt, 'o-east-sup', reports.period, { propertyId: 'east', period: '2026-11' }));
    expect(own.current.repairs.byBuilding).toEqual({ '9': 1 });
    expect(await callAs(rt, 'o-east-sup', reports.period, { propertyId: PROPERTY, period: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, 'o-east-sup', reports.exportXlsx, { propertyId: PROPERTY, period: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, SUPERVISOR, reports.period, { propertyId: 'east', period: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });

  it('the comparison is the administrator\'s alone: a property\'s manager is refused', async () => {
    expect(await callAs(rt, MANAGER, reports.compare, { period: '2026-11' })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });
});
