import { repairs, session } from '@shared/contracts';
import { threadsOf } from '@shared/domain/notice-thread.rules';
import { messageData } from '@shared/domain/subscribe-message.rules';
import { callAs, DESK_ON_SHIFT, expectOk, PROPERTY, raw, startRuntime, TECH_LI, WANG } from './harness';
import { dispatched, file, onSite, photos, type Rt } from './work-order';

const inboxOf = async (rt: Rt, openid: string) => expectOk(await callAs(rt, openid, session.inbox, { propertyId: PROPERTY })).items;

/**
 * Issue 18 (3): a resident's notices say who acted and when she hears next, through the real
 * handlers and the inbox action, and group into one thread per repair.
 */
describe('issue 18 (3): notices that say who and when', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('R4–R7: each step of her repair names 李建国 and the time, one thread with the latest line on top; what she did herself is not a new line', async () => {
    const o = await dispatched(rt);
    rt.clock.advanceMinutes(3);
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    rt.clock.advanceMinutes(40);
    expectOk(await o.step(TECH_LI, repairs.arrive));
    rt.clock.advanceMinutes(5);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] }));
    rt.clock.advanceMinutes(1);
    expectOk(await o.step(WANG, repairs.accept));
    rt.clock.advanceMinutes(30);
    expectOk(await o.step(TECH_LI, repairs.complete, { ...photos(), materials: [] }));
    rt.clock.advanceMinutes(1);
    expectOk(await o.step(TECH_LI, repairs.signOff, { signature: file(TECH_LI, 'sig.png') }));

    const mine = await inboxOf(rt, WANG);
    expect(mine.map((n) => n.body)).toEqual([
      '维修已完成，请为李建国师傅评价',
      '李建国师傅已完工，费用30.00元',
      '李建国师傅报价30.00元，请确认',
      '李建国师傅10:43已到场',
      '李建国师傅已接单，预计2小时内联系您',
      '已安排李建国师傅，2小时内联系您',
    ]);
    expect(new Set(mine.map((n) => n.title))).toEqual(new Set(['给排水报修 · 1-1-101']));
    const threads = threadsOf(mine, {});
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ subject: { kind: 'repair', id: o.current.id }, unread: 6 });
    expect(threads[0]!.lines[0]!.body).toBe('维修已完成，请为李建国师傅评价');
  });

  it('issue 18 (3): the desk keeps its own short lines; the resident\'s wording goes to her alone', async () => {
    await onSite(rt);
    const desk = await inboxOf(rt, DESK_ON_SHIFT);
    expect(desk.some((n) => n.body.includes('联系您'))).toBe(false);
    expect(desk.map((n) => n.title)).toContain('到场 · 1-1-101');
  });

  it('issue 5 issue 18 (3): the stored notice carries the facts a subscribe message shows, each within its field type', async () => {
    const o = await onSite(rt);
    expectOk(await o.step(TECH_LI, repairs.quote, { items: [{ code: 'tap-replace', qty: 1 }] }));
    const quoted = raw<{ recipient: string; channel: string; body: string; createdAt: string; title: string; facts: Record<string, unknown> }>(rt, 'outbox').find(
      (n) => n.recipient === WANG && n.channel === 'inbox' && n.body.includes('报价'),
    )!;
    expect(quoted.facts).toEqual({ address: '1-1-101', status: '待确认报价', name: '李建国', amountFen: 3000 });
    const fields = [
      { key: 'name1', source: 'name' },
      { key: 'phrase2', source: 'status' },
      { key: 'character_string3', source: 'address' },
      { key: 'amount4', source: 'amount' },
      { key: 'thing5', source: 'body' },
      { key: 'time6', source: 'time' },
    ] as const;
    expect(messageData(fields, { ...quoted, time: quoted.createdAt, ...quoted.facts })).toEqual({
      name1: { value: '李建国' },
      phrase2: { value: '待确认报价' },
      character_string3: { value: '1-1-101' },
      amount4: { value: '30.00元' },
      thing5: { value: '李建国师傅报价30.00元，请确认' },
      time6: { value: '2026-11-23 10:00' },
    });
  });
});
