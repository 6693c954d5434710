import { repairs, session } from '@shared/contracts';
import { raw, callAs, DESK_ON_SHIFT, expectOk, memberIdOf, networkDown, PROPERTY, repairInput, startRuntime, TECH_LI, TECH_MA, WANG, watchTraces } from './harness';
import type { Runtime } from '../../local/runtime';
import { derivedId } from '../../cloudfunctions/_shared/ids';

describe('the first flow: a repair from a resident to the desk to a technician', () => {
  let rt: Awaited<ReturnType<typeof startRuntime>>;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  const outbox = async (r: Runtime) => raw<{ recipient: string; status: string; kind: string; channel: string; pushTo?: string[] }>(r, 'outbox');

  it('R1 R3: a resident files an elevator entrapment; it is urgent by R3.1 and listed under my repairs', async () => {
    const created = expectOk(
      await callAs(rt, WANG, repairs.create, repairInput({ category: 'elevator', description: '电梯困人了，我妈在里面' })),
    );
    expect(created).toMatchObject({ status: 'submitted', priority: 'urgent', triage: { urgent: true, rule: 'R3.1', matched: '困人' }, address: '1-1-101' });
    expect(created.phone).toBe('138****0101');
    const mine = expectOk(await callAs(rt, WANG, repairs.listMine, { propertyId: PROPERTY }));
    expect(mine.items.map((r) => r.id)).toEqual([created.id]);
  });

  it('R3 R4: the desk inbox puts urgent first, shows the matched rule, and the desk dispatches to a technician who then sees it', async () => {
    const normal = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    rt.clock.advanceMinutes(1);
    const urgent = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '水管爆了，水喷出来了' })));

    const inbox = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.inbox, { propertyId: PROPERTY }));
    expect(inbox.items.map((r) => r.id)).toEqual([urgent.id, normal.id]);
    expect(inbox.items[0]).toMatchObject({ triage: { rule: 'R3.4' }, phone: '13800000101' });
    expect(inbox.items[0]?.actions).toContain('dispatch');

    const suggestions = expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.technicians, { propertyId: PROPERTY, repairId: urgent.id }));
    expect(suggestions.items[0]).toMatchObject({ memberId: memberIdOf(TECH_LI), skillMatch: true, openOrders: 0 });
    // Desk clients before issue 15 read the reason in words; it says the facts the suggestion was ranked by.
    expect(suggestions.items[0]?.reason).toMatch(/^技能对口，手上 0 单，(暂无评价|评分 \d\.\d)$/);

    const dispatched = expectOk(
      await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'dispatch-0001', repairId: urgent.id, version: urgent.version, technicianId: memberIdOf(TECH_LI) }),
    );
    expect(dispatched).toMatchObject({ status: 'dispatched', version: 2, technician: { name: '李建国' } });

    const li = expectOk(await callAs(rt, TECH_LI, repairs.assigned, { propertyId: PROPERTY }));
    expect(li.items.map((r) => r.id)).toEqual([urgent.id]);
    expect(li.items[0]?.phone).toBe('13800000101');
    const ma = expectOk(await callAs(rt, TECH_MA, repairs.assigned, { propertyId: PROPERTY }));
    expect(ma.items).toEqual([]);
  });

  it('R4: every status change is an event in the ticket history, with role and server time', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    rt.clock.advanceMinutes(5);
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'dispatch-0002', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_LI) }));
    const detail = expectOk(await callAs(rt, WANG, repairs.get, { propertyId: PROPERTY, repairId: created.id }));
    expect(detail.history).toEqual([
      { action: 'submit', from: null, to: 'submitted', role: 'resident', reason: null, at: '2026-11-23T02:00:00.000Z' },
      { action: 'dispatch', from: 'submitted', to: 'dispatched', role: 'desk', reason: null, at: '2026-11-23T02:05:00.000Z' },
    ]);
  });

  it('R2 D3: a new repair notifies the desk member on shift and bumps the desk signal, in the same step', async () => {
    const ctx = expectOk(await callAs(rt, DESK_ON_SHIFT, session.context, { propertyId: PROPERTY }));
    expect(ctx.onShift).toBe(true);
    const before = expectOk(await callAs(rt, DESK_ON_SHIFT, session.signals, { propertyId: PROPERTY })).signals;
    expectOk(await callAs(rt, WANG, repairs.create, repairInput()));
    const notices = await outbox(rt);
    // The desk's notice, pushed by name to the clerk on shift only (she finds it once in the app, under the desk).
    expect(notices).toEqual([expect.objectContaining({ kind: 'repair.new', status: 'sent', channel: 'inbox', recipient: 'role:desk', pushTo: [DESK_ON_SHIFT] })]);
    const after = expectOk(await callAs(rt, DESK_ON_SHIFT, session.signals, { propertyId: PROPERTY })).signals;
    // The desk's live signal moves (her pages listen to it); nothing by name moves a second time.
    const moved = (s: { id: string; seq: number }) => s.seq - (before.find((b) => b.id === s.id)?.seq ?? 0);
    expect(after.map((s) => [s.id, moved(s)])).toEqual(before.map((s) => [s.id, s.id === `${PROPERTY}~role:desk` ? 1 : 0]));
  });

  it('R3: an urgent repair also reaches the supervisor and the staff WeCom group', async () => {
    expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '插座漏电' })));
    const notices = await outbox(rt);
    expect(notices.map((n) => n.recipient).sort()).toEqual(['group', 'role:desk', 'role:supervisor'].sort());
    expect(rt.webhookPosts).toHaveLength(1);
    expect(JSON.stringify(rt.webhookPosts[0]?.body)).toContain('急修');
  });

  it('R4 R9: dispatch opens the acknowledgement deadline from the property settings and the 3-day return clock', async () => {
    const created = expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description: '水管爆了' })));
    expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId: 'dispatch-0003', repairId: created.id, version: 1, technicianId: memberIdOf(TECH_LI) }));
    const deadlines = raw(rt, 'deadlines');
    expect(deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'R4.ack', dueAt: '2026-11-23T02:15:00.000Z', status: 'open', subject: { kind: 'repair', id: created.id } }),
        expect.objectContaining({ rule: 'R9.return', dueAt: '2026-11-26T02:00:00.000Z', status: 'open' }),
      ]),
    );
    expect(deadlines).toHaveLength(2);
  });

  it('R4 R9, issue 16: a first dispatch stores its two clocks in one insert; when that insert fails, each is opened alone, and one stored already is set to the new plan', async () => {
    const { last } = watchTraces(rt);
    const file = async (description: string) => expectOk(await callAs(rt, WANG, repairs.create, repairInput({ description }))).id;
    const dispatch = async (repairId: string, commandId: string) => {
      expectOk(await callAs(rt, DESK_ON_SHIFT, repairs.dispatch, { propertyId: PROPERTY, commandId, repairId, version: 1, technicianId: memberIdOf(TECH_LI) }));
      return raw<{ _id: string; rule: string; dueAt: string; status: string; subject: { id: string } }>(rt, 'deadlines').filter((d) => d.subject.id === repairId);
    };
    const inserts = () => last().filter((c) => c.kind === 'database.insertDocument' && c.detail === 'deadlines').length;
    const planned = [
      ['R4.ack', '2026-11-23T02:15:00.000Z', 'open'],
      ['R9.return', '2026-11-26T02:00:00.000Z', 'open'],
    ];
    const first = await dispatch(await file('水管爆了'), 'dispatch-0004');
    expect(inserts()).toBe(1);
    expect(first.map((d) => [d.rule, d.dueAt, d.status])).toEqual(planned);
    // The batch insert fails: each opening is applied alone (a guarded update that finds none, then its insert).
    const second = await file('厨房水管爆了');
    rt.engine.failNext('database.insertDocument', networkDown, { collection: 'deadlines' });
    expect((await dispatch(second, 'dispatch-0005')).map((d) => [d.rule, d.dueAt, d.status])).toEqual(planned);
    expect(inserts()).toBe(3);
    // One stored already, as an older write left it (met, no version): the batch meets it and fails, and its opening sets it
    // to the new plan; the other is inserted alone.
    const third = await file('卫生间水管爆了');
    const { _id, subjectVersion, ...older } = raw<Record<string, unknown>>(rt, 'deadlines').find((d) => d._id === first[0]!._id)!;
    void _id;
    void subjectVersion;
    rt.engine.insertRaw('deadlines', [{ ...older, _id: derivedId('dl', third, 'R4.ack'), subject: { kind: 'repair', id: third }, dueAt: '2026-11-22T00:00:00.000Z', status: 'met' }]);
    expect((await dispatch(third, 'dispatch-0006')).map((d) => [d.rule, d.dueAt, d.status])).toEqual(planned);
    expect(inserts()).toBe(2);
  });
});
