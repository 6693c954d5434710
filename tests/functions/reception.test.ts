import { reception, repairs } from '@shared/contracts';
import { callAs, DESK_ON_SHIFT, expectOk, memberIdOf, newCommandId, PROPERTY, raw, startRuntime, SUPERVISOR, tickTimers } from './harness';

type Rt = Awaited<ReturnType<typeof startRuntime>>;

const walkIn = (over: Record<string, unknown> = {}) => ({
  propertyId: PROPERTY,
  commandId: newCommandId(),
  kind: 'walk_in',
  name: '赵先生',
  address: '2-1-201',
  phone: '13800000601',
  subject: '询问车位租赁续约',
  department: '停车场管理',
  responsible: '王队长',
  settled: true,
  replyBy: null,
  ...over,
});

describe('V1 V2 V3: the reception log and group visits', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('V1: an unsettled walk-in needs a reply time, goes to the department head the same day, and its result is written back', async () => {
    expect(await callAs(rt, DESK_ON_SHIFT, reception.log, walkIn({ settled: false }))).toMatchObject({ ok: false, code: 'RECEPTION.REPLY_TIME_REQUIRED' });
    const logged = expectOk(await callAs(rt, DESK_ON_SHIFT, reception.log, walkIn({ settled: false, replyBy: '2026-11-23T17:00:00+08:00' })));
    expect(logged).toMatchObject({ settled: false, recorder: '陈晓', replyBy: '2026-11-23T09:00:00.000Z' });
    const told = raw<{ kind: string; recipient: string; body: string }>(rt, 'outbox').filter((n) => n.kind === 'reception.unsettled');
    expect(told).toEqual([expect.objectContaining({ recipient: 'role:supervisor', body: '赵先生（2-1-201）：询问车位租赁续约，约定 11-23 17:00 前答复' })]);
    const done = expectOk(await callAs(rt, SUPERVISOR, reception.writeResult, { propertyId: PROPERTY, commandId: newCommandId(), receptionId: logged.id, version: 1, text: '已续约至明年6月' }));
    expect(done).toMatchObject({ settled: true, result: { text: '已续约至明年6月', by: '刘主管' } });
  });

  it.each([
    ['2026-11-23T17:00:00+08:00', '11-23 17:00'],
    ['2026-11-24T00:00:00+08:00', '11-23 24:00'],
    ['2026-11-24T00:01:00+08:00', '11-24 00:01'],
  ])('V1: a reply due %s is told to the department head as 约定 %s 前答复 (midnight ends the day before, never 00:00 of the next)', async (replyBy, told) => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, reception.log, walkIn({ settled: false, replyBy })));
    const notices = raw<{ kind: string; body: string }>(rt, 'outbox').filter((n) => n.kind === 'reception.unsettled');
    expect(notices.map((n) => n.body)).toEqual([`赵先生（2-1-201）：询问车位租赁续约，约定 ${told} 前答复`]);
  });

  it('V2: every call is in one log: a plain call and a call that became a repair, each with caller, phone, subject, time and recorder', async () => {
    expectOk(await callAs(rt, DESK_ON_SHIFT, reception.log, walkIn({ kind: 'phone', name: '李女士', subject: '询问停水通知' })));
    const repair = expectOk(
      await callAs(rt, DESK_ON_SHIFT, repairs.register, {
        propertyId: PROPERTY, commandId: newCommandId(), residentId: memberIdOf('o-res-wang'), roomId: 'demo:1-1-101', channel: 'phone',
        callerName: '王秀英', phone: '13800000101', category: 'water', description: '厨房水管漏水', preferredTime: null,
      }),
    );
    const day = expectOk(await callAs(rt, DESK_ON_SHIFT, reception.receptionLog, { propertyId: PROPERTY, date: '2026-11-23' })).items;
    expect(day.map((r) => [r.kind, r.name, r.subject, r.recorder, r.linked?.kind ?? null])).toEqual([
      ['phone', '李女士', '询问停水通知', '陈晓', null],
      ['phone', '王秀英', '厨房水管漏水', '陈晓', 'repair'],
    ]);
    expect(day[1]!.linked).toEqual({ kind: 'repair', id: repair.id });
  });

  it('V3: a group visit is recorded and staff are reminded 30 minutes before it arrives, not before', async () => {
    const planned = expectOk(
      await callAs(rt, DESK_ON_SHIFT, reception.planGroupVisit, {
        propertyId: PROPERTY, commandId: newCommandId(), names: ['街道办 张主任', '李科长'], headcount: 6,
        arrivalAt: '2026-11-23T15:00:00+08:00', departureAt: '2026-11-23T16:30:00+08:00', itinerary: '参观客服中心和监控室',
      }),
    );
    expect(planned).toMatchObject({ headcount: 6, host: '陈晓', arrivalAt: '2026-11-23T07:00:00.000Z' });
    const tick = () => tickTimers(rt);
    const sent = () => raw<{ kind: string; status: string; recipient: string }>(rt, 'outbox').filter((n) => n.kind === 'group.arriving' && n.status === 'sent').map((n) => n.recipient).sort();
    rt.clock.set('2026-11-23T06:29:00.000Z');
    await tick();
    expect(sent()).toEqual([]);
    rt.clock.set('2026-11-23T06:30:00.000Z');
    await tick();
    expect(sent()).toEqual(['role:desk', 'role:supervisor']);
    expect(expectOk(await callAs(rt, SUPERVISOR, reception.groupVisits, { propertyId: PROPERTY, date: '2026-11-23' })).items).toHaveLength(1);
    expect(await callAs(rt, DESK_ON_SHIFT, reception.planGroupVisit, {
      propertyId: PROPERTY, commandId: newCommandId(), names: ['某单位'], headcount: 2, arrivalAt: '2026-11-23T09:00:00+08:00', departureAt: '2026-11-23T10:00:00+08:00', itinerary: '参观',
    })).toMatchObject({ ok: false, code: 'GROUP_VISIT.TIMES' });
  });
});
