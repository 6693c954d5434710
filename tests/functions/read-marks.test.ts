import { repairs, session } from '@shared/contracts';
import { threadsOf, unreadThreadCount } from '@shared/domain/notice-thread.rules';
import { openProperty, resident } from './company-harness';
import { callAs, expectOk, expectRefusedUnchanged, newCommandId, PROPERTY, raw, startRuntime, TECH_LI, WANG } from './harness';
import { dispatched, type Rt } from './work-order';

const WU = 'o-res-wu';
const MAPLE = 'maple-court';

const inboxOf = async (rt: Rt, openid: string, propertyId = PROPERTY) => expectOk(await callAs(rt, openid, session.inbox, { propertyId })).items;
const markInput = (threads: { subject: { kind: string; id: string }; at: string }[], commandId = newCommandId(), propertyId = PROPERTY) => ({ propertyId, commandId, threads });

/**
 * Issue 18 (3): what a resident has read is kept on the server per member, so a second phone (or a
 * reinstall) shows the same unread marks and badge; only her own threads, once per command.
 */
describe('issue 18 (3): read marks on the server', () => {
  let rt: Rt;
  beforeEach(async () => {
    rt = await startRuntime();
  });
  afterEach(() => rt.close());

  it('issue 18 (3): a thread she opened reads as read in every later inbox read (any phone); a newer line is unread again', async () => {
    const o = await dispatched(rt);
    const subject = { kind: 'repair', id: o.current.id };
    const before = await inboxOf(rt, WANG);
    expect(before.map((n) => n.read)).toEqual([false]);
    expect(unreadThreadCount(threadsOf(before, {}))).toBe(1);

    expect(expectOk(await callAs(rt, WANG, session.markRead, markInput([{ subject, at: before[0]!.at }])))).toEqual({ marked: 1 });
    const after = await inboxOf(rt, WANG);
    expect(after.map((n) => n.read)).toEqual([true]);
    expect(unreadThreadCount(threadsOf(after, {}))).toBe(0);

    rt.clock.advanceMinutes(3);
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    const later = await inboxOf(rt, WANG);
    expect(later.map((n) => n.read)).toEqual([false, true]);
    expect(threadsOf(later, {})[0]).toMatchObject({ unread: 1 });
  });

  it('issue 18 (3): the same command twice marks once and answers the same; an older mark from another phone changes nothing', async () => {
    const o = await dispatched(rt);
    rt.clock.advanceMinutes(3);
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    const [newest, oldest] = await inboxOf(rt, WANG);
    const subject = { kind: 'repair', id: o.current.id };
    const input = markInput([{ subject, at: newest!.at }]);
    const first = await callAs(rt, WANG, session.markRead, input);
    expect(await callAs(rt, WANG, session.markRead, input)).toEqual(first);
    expectOk(await callAs(rt, WANG, session.markRead, markInput([{ subject, at: oldest!.at }])));
    expect((await inboxOf(rt, WANG)).map((n) => n.read)).toEqual([true, true]);
    const stored = raw<{ threads: { thread: string; at: string }[]; schemaVersion: number }>(rt, 'readMarks');
    expect(stored).toEqual([expect.objectContaining({ schemaVersion: 1, threads: [{ thread: `repair:${o.current.id}`, at: newest!.at }] })]);
  });

  it('issue 18 (3): a mark later than now is kept as now, so a line that comes afterwards is still unread', async () => {
    const o = await dispatched(rt);
    const subject = { kind: 'repair', id: o.current.id };
    expectOk(await callAs(rt, WANG, session.markRead, markInput([{ subject, at: '2030-01-01T00:00:00.000Z' }])));
    rt.clock.advanceMinutes(3);
    expectOk(await o.step(TECH_LI, repairs.acknowledge));
    expect((await inboxOf(rt, WANG)).map((n) => n.read)).toEqual([false, true]);
  });

  it('issue 18 (3): her first two marks sent at once are both kept: the transaction that lost the race to make her document runs again on it', async () => {
    const first = await dispatched(rt);
    const second = await dispatched(rt);
    const lines = await inboxOf(rt, WANG);
    const mark = (o: typeof first) => {
      const line = lines.find((n) => n.subject.id === o.current.id)!;
      return callAs(rt, WANG, session.markRead, markInput([{ subject: line.subject, at: line.at }]));
    };
    expect((await Promise.all([mark(first), mark(second)])).map(expectOk)).toEqual([{ marked: 1 }, { marked: 1 }]);
    expect((await inboxOf(rt, WANG)).map((n) => n.read)).toEqual([true, true]);
    const stored = raw<{ threads: { thread: string }[] }>(rt, 'readMarks');
    expect(stored.map((d) => d.threads.map((t) => t.thread).sort())).toEqual([[`repair:${first.current.id}`, `repair:${second.current.id}`].sort()]);
  });

  it('issue 7 (7) issue 18 (3): her household, a stranger and another property\'s resident cannot mark her threads; nothing is written', async () => {
    const o = await dispatched(rt);
    const threads = [{ subject: { kind: 'repair', id: o.current.id }, at: (await inboxOf(rt, WANG))[0]!.at }];
    // 吴芳 shares 1-1-101 and sees the household's repair (household.rules), but its notices are 王秀英's.
    await expectRefusedUnchanged(rt, WU, session.markRead, markInput(threads), 'COMMON.NOT_FOUND');
    await expectRefusedUnchanged(rt, 'o-stranger', session.markRead, markInput(threads), 'COMMON.NOT_A_MEMBER');
    await openProperty(rt, MAPLE, '枫林苑', { manager: 'o-mgr-b', desk: 'o-desk-b' });
    await resident(rt, MAPLE, 'o-mgr-b', 'o-desk-b', 'o-res-maple', ['5', '1', '101']);
    await expectRefusedUnchanged(rt, 'o-res-maple', session.markRead, markInput(threads), 'COMMON.NOT_A_MEMBER');
    await expectRefusedUnchanged(rt, 'o-res-maple', session.markRead, markInput(threads, newCommandId(), MAPLE), 'COMMON.NOT_FOUND');
    // Her own thread beside one that is not hers: the whole call is refused.
    await expectRefusedUnchanged(rt, WANG, session.markRead, markInput([...threads, { subject: { kind: 'repair', id: 'rp_not_hers' }, at: threads[0]!.at }]), 'COMMON.NOT_FOUND');
    await expectRefusedUnchanged(rt, WANG, session.markRead, markInput([{ subject: { kind: 'complaint', id: o.current.id }, at: threads[0]!.at }]), 'COMMON.NOT_FOUND');
    expect(raw(rt, 'readMarks')).toEqual([]);
  });
});
