import type { CallCount } from '../../local/call-meter';
import { company, complaints, repairs, session } from '@shared/contracts';
import { openProperty, resident, staff } from './company-harness';
import { ADMIN, callAs, complaintInput, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, repairInput, startRuntime, TECH_LI, WANG, WANG_ROOM, ZHANG, ZHANG_ROOM } from './harness';
import { file, order, photos, type Rt } from './work-order';

const MAPLE = 'maple-court';
const MGR_B = 'o-mgr-b';
const DESK_B = 'o-desk-b';
const stars = { quality: 5, attitude: 5, comment: '' };

/** What `openid` is told waits in their other properties, asked from `from`. */
const waitingSeen = async (rt: Rt, openid: string, from: string) => expectOk(await callAs(rt, openid, session.waiting, { propertyId: from })).others;
const inDemo = (count: number, urgent = 0) => [{ propertyId: PROPERTY, count, urgent }];

/** 王 files in 阳光花园 (demo): a dripping tap, or (R3.7) a gas leak. */
const fileRepair = async (rt: Rt, description = '厨房水龙头一直滴水') => order(rt, expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description }))));

/**
 * Issue 14 (2): a member working in one property sees, per other property of theirs, how much work
 * waits for their role there, and nothing else of it. Two properties: the seeded 阳光花园 and 枫林苑,
 * made through the API; 李师傅, 陈晓 (desk) and 王 belong to both.
 */
describe('issue 14 (2): work waiting in the caller\'s other properties', () => {
  jest.setTimeout(120_000);
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
    await openProperty(rt, MAPLE, '枫林苑', { manager: MGR_B, desk: DESK_B, template: PROPERTY });
    await staff(rt, MAPLE, MGR_B, TECH_LI, 'technician', '李建国');
    await staff(rt, MAPLE, MGR_B, DESK_ON_SHIFT, 'desk', '陈晓');
    await resident(rt, MAPLE, MGR_B, DESK_B, WANG, ['5', '1', '101']);
  }, 120_000);
  afterEach(() => rt.close());

  it('R3: a technician of two sees the orders on his list in the other, urgent ones apart; they leave it once signed', async () => {
    expect(await waitingSeen(rt, TECH_LI, MAPLE)).toEqual(inDemo(0));
    const tap = await fileRepair(rt);
    const gas = await fileRepair(rt, '厨房燃气泄漏，有很大的味道');
    expect(await waitingSeen(rt, TECH_LI, MAPLE)).toEqual(inDemo(0));
    expectOk(await tap.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    expect(await waitingSeen(rt, TECH_LI, MAPLE)).toEqual(inDemo(1));
    expectOk(await gas.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    expect(await waitingSeen(rt, TECH_LI, MAPLE)).toEqual(inDemo(2, 1));
    for (const [action, extra] of [
      [repairs.acknowledge, {}],
      [repairs.arrive, {}],
      [repairs.quote, { items: [] }],
    ] as const) expectOk(await gas.step(TECH_LI, action, extra));
    expectOk(await gas.step(WANG, repairs.accept));
    expectOk(await gas.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    expect(await waitingSeen(rt, TECH_LI, MAPLE)).toEqual(inDemo(2, 1));
    expectOk(await gas.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    expect(await waitingSeen(rt, TECH_LI, MAPLE)).toEqual(inDemo(1));
    expect(await waitingSeen(rt, TECH_LI, PROPERTY)).toEqual([{ propertyId: MAPLE, count: 0, urgent: 0 }]);
  });

  it('R3 C4: a desk member of two sees repairs waiting for dispatch and open complaints in the other, urgent ones apart', async () => {
    expect(await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)).toEqual(inDemo(0));
    const tap = await fileRepair(rt);
    expect(await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)).toEqual(inDemo(1));
    const gas = await fileRepair(rt, '厨房燃气泄漏，有很大的味道');
    expect(await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)).toEqual(inDemo(2, 1));
    expectOk(await callAs(rt, ZHANG, complaints.create, complaintInput(ZHANG_ROOM)));
    expect(await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)).toEqual(inDemo(3, 1));
    expectOk(await gas.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    expect(await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)).toEqual(inDemo(2));
    expectOk(await tap.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    expect(await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)).toEqual(inDemo(1));
    // 枫林苑's desk is told nothing of 阳光花园: it is no property of theirs.
    expect(await waitingSeen(rt, DESK_B, MAPLE)).toEqual([]);
  });

  it('R6 R7: a resident of two sees what waits for their answer in the other: a quote, then a rating while its window is open', async () => {
    const tap = await fileRepair(rt);
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(0));
    expectOk(await tap.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    expectOk(await tap.step(TECH_LI, repairs.acknowledge));
    expectOk(await tap.step(TECH_LI, repairs.arrive));
    expectOk(await tap.step(TECH_LI, repairs.quote, { items: [] }));
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(1));
    expectOk(await tap.step(WANG, repairs.accept));
    expectOk(await tap.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(0));
    expectOk(await tap.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(1));
    expectOk(await tap.step(WANG, repairs.rate, { rating: stars }));
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(0));

    const unrated = await fileRepair(rt);
    expectOk(await unrated.step(DESK_ON_SHIFT, repairs.dispatch, { technicianId: memberIdOf(TECH_LI) }));
    for (const [action, extra] of [[repairs.acknowledge, {}], [repairs.arrive, {}], [repairs.quote, { items: [] }]] as const) expectOk(await unrated.step(TECH_LI, action, extra));
    expectOk(await unrated.step(WANG, repairs.accept));
    expectOk(await unrated.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    expectOk(await unrated.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(1));
    rt.clock.advanceMinutes(7 * 24 * 60 + 1);
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(0));
  });

  it('a resolved complaint waits for its resident\'s rating; to the desk it stops waiting once replied to', async () => {
    const filed = expectOk(await callAs(rt, WANG, complaints.create, complaintInput(WANG_ROOM)));
    const ref = { kind: 'complaint' as const, id: filed.id };
    expect([await waitingSeen(rt, WANG, MAPLE), await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)]).toEqual([inDemo(0), inDemo(1)]);
    const classified = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.classify, {
      propertyId: PROPERTY, commandId: newCommandId(), ref, version: filed.version, class: 'responsible', severity: 'general', jurisdiction: null, governmentOrMedia: false, injuryOrLoss: false, apologised: true, note: '',
    }));
    const slipped = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.issueSlip, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: classified.version, department: '工程部', assignee: '马超', instructions: '联系电梯维保' }));
    const replied = expectOk(await callAs(rt, DESK_ON_SHIFT, complaints.reply, { propertyId: PROPERTY, commandId: newCommandId(), ref, version: slipped.version, form: 'phone', content: '已联系维保单位检修，噪音已消除' }));
    expect([await waitingSeen(rt, WANG, MAPLE), await waitingSeen(rt, DESK_ON_SHIFT, MAPLE)]).toEqual([inDemo(1), inDemo(0)]);
    expectOk(await callAs(rt, WANG, complaints.rate, { propertyId: PROPERTY, commandId: newCommandId(), complaintId: filed.id, version: replied.version, score: 4, comment: '处理及时' }));
    expect(await waitingSeen(rt, WANG, MAPLE)).toEqual(inDemo(0));
  });

  it('a member of one property is told of none; the answer names no person, only the property and its counts', async () => {
    await fileRepair(rt);
    expect(await waitingSeen(rt, ZHANG, PROPERTY)).toEqual([]);
    const seen = await callAs(rt, DESK_ON_SHIFT, session.waiting, { propertyId: MAPLE });
    expect(JSON.stringify(seen)).not.toMatch(/o-[a-z]+-[a-z]+|王秀英|水龙头/);
  });

  it('issue 14 (1): a deactivated property takes no work, so nothing is shown waiting there; from it, the others still show', async () => {
    expectOk(await callAs(rt, ADMIN, company.deactivateProperty, { propertyId: MAPLE, commandId: newCommandId(), reason: '合同到期' }));
    expect(await waitingSeen(rt, TECH_LI, PROPERTY)).toEqual([]);
    expect(await waitingSeen(rt, TECH_LI, MAPLE)).toEqual(inDemo(0));
  });

  it('issue 14 (1) 16: nothing is counted in a deactivated property, and the answer still takes two waits', async () => {
    expectOk(await callAs(rt, ADMIN, company.deactivateProperty, { propertyId: MAPLE, commandId: newCommandId(), reason: '合同到期' }));
    let calls: CallCount | null = null;
    const stop = rt.watchCalls((call) => {
      calls = call.calls;
    });
    expect(await waitingSeen(rt, TECH_LI, PROPERTY)).toEqual([]);
    stop();
    expect(calls!.trace.filter((t) => ['repairs', 'complaints', 'complaintGroups'].includes(t.detail))).toEqual([]);
    expect(calls!.sequential).toBeLessThanOrEqual(2);
  });

  it('a stranger, and a member asking from a property that is not theirs, are refused with COMMON.NOT_A_MEMBER', async () => {
    expect(await callAs(rt, 'o-stranger', session.waiting, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, DESK_B, session.waiting, { propertyId: PROPERTY })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
    expect(await callAs(rt, ZHANG, session.waiting, { propertyId: MAPLE })).toMatchObject({ ok: false, code: 'COMMON.NOT_A_MEMBER' });
  });
});
