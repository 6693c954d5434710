import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@shared/model/member.model';
import Inbox from '../../client/src/pages/inbox';
import { subjectPage } from '../../client/src/pages/inbox/subject';
import ResidentHome from '../../client/src/pages/resident/home';
import TechnicianOrders from '../../client/src/pages/technician/orders';
import DeskInbox from '../../client/src/pages/desk/inbox';
import { chime } from '../../client/src/utils/chime';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { formatWhen } from '../../client/src/utils/time';
import { fakeBackend, settle, until, okPage } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';

const notice = (id: string, over: Partial<{ kind: string; title: string; body: string; urgent: boolean; at: string; subject: { kind: string; id: string } }> = {}) => ({
  id,
  kind: 'repair.changed',
  title: '报修单有新进展',
  body: '李师傅已出发，预计 30 分钟内到达',
  urgent: false,
  at: '2026-11-23T02:00:00.000Z',
  subject: { kind: 'repair', id: 'r1' },
  ...over,
});

const rows = (container: HTMLElement) => Array.from(container.querySelectorAll('.inbox-item')).map((row) => row.id);

const open = async (role: Role, items: () => ReturnType<typeof notice>[]) => {
  const backend = fakeBackend({ ...sessionHandlers(role), 'session.inbox': () => okPage(items()) });
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  const view = render(<Inbox />);
  return { ...view, backend, navigate };
};

describe('the inbox lists notices and opens their subject (issue 5)', () => {
  let play: jest.SpyInstance;
  beforeEach(() => {
    FakeEventSource.install();
    play = jest.spyOn(chime, 'play').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('shows each notice’s title, text and time, newest first as sent, urgent ones marked', async () => {
    const items = [
      notice('n2', { kind: 'repair.new', title: '新报修', body: '3-2-1502 厨房水管爆了', urgent: true, at: '2026-11-23T03:00:00.000Z' }),
      notice('n1'),
    ];
    const { container } = await open('desk', () => items);
    await until(() => rows(container).length === 2);

    expect(rows(container)).toEqual(['inbox-n2', 'inbox-n1']);
    const first = container.querySelector('#inbox-n2');
    expect(first?.className).toContain('inbox-item-urgent');
    expect(first?.querySelector('.inbox-urgent')?.textContent).toBe(ui.inbox.urgent);
    expect(first?.querySelector('.inbox-title')?.textContent).toBe('新报修');
    expect(first?.querySelector('.inbox-body')?.textContent).toBe('3-2-1502 厨房水管爆了');
    expect(first?.querySelector('.inbox-time')?.textContent).toBe(formatWhen('2026-11-23T03:00:00.000Z'));
    expect(container.querySelector('#inbox-n1')?.className).not.toContain('inbox-item-urgent');
    expect(container.querySelector('#inbox-n1 .inbox-urgent')).toBeNull();
  });

  it('opens the resident’s own repair, and the desk’s view of a group complaint', async () => {
    const resident = await open('resident', () => [notice('n1')]);
    await until(() => resident.container.querySelector('#thread-r1') !== null);
    fireEvent.click(resident.container.querySelector('#thread-r1') as Element);
    expect(resident.navigate).toHaveBeenCalledWith({ url: '/pages/resident/repair/index?id=r1' });
    resident.unmount();
    jest.restoreAllMocks();

    const desk = await open('desk', () => [notice('n3', { kind: 'complaint.group', subject: { kind: 'complaintGroup', id: 'g7' } })]);
    await until(() => rows(desk.container).length === 1);
    fireEvent.click(desk.container.querySelector('#inbox-n3') as Element);
    expect(desk.navigate).toHaveBeenCalledWith({ url: '/pages/desk/complaint/index?kind=group&id=g7' });
  });

  it('issue 18 (3): a resident reads one thread per repair or complaint, the latest line on top, unread counted until she opens it', async () => {
    const items = [
      notice('n3', { body: '李建国师傅已接单，预计30分钟内联系您', at: '2026-11-23T02:10:00.000Z' }),
      notice('n2', { kind: 'complaint.changed', body: '投诉已受理', at: '2026-11-23T02:05:00.000Z', subject: { kind: 'complaint', id: 'c1' } }),
      notice('n1', { body: '已安排李建国师傅，30分钟内联系您' }),
    ];
    const { container } = await open('resident', () => items);
    await until(() => container.querySelectorAll('.inbox-thread').length === 2);
    expect(Array.from(container.querySelectorAll('.inbox-thread')).map((t) => t.id)).toEqual(['thread-r1', 'thread-c1']);
    const repair = container.querySelector('#thread-r1') as Element;
    expect(repair.querySelector('.inbox-latest')?.textContent).toBe('李建国师傅已接单，预计30分钟内联系您');
    expect(repair.querySelector('.inbox-earlier-body')?.textContent).toBe('已安排李建国师傅，30分钟内联系您');
    expect(repair.querySelector('.inbox-unread')?.textContent).toBe('2 条新消息');
    expect(container.querySelector('.inbox-item')).toBeNull();
    fireEvent.click(repair);
    await until(() => container.querySelector('#thread-r1 .inbox-unread') === null);
    expect(container.querySelector('#thread-c1 .inbox-unread')?.textContent).toBe('1 条新消息');
  });

  it('issue 18 (3): the resident home shows how many threads have news, and nothing once the server marks all read', async () => {
    let items = [notice('n2', { at: '2026-11-23T02:10:00.000Z' }), notice('n1', { subject: { kind: 'complaint', id: 'c1' } })];
    fakeBackend({ ...sessionHandlers('resident'), 'repairs.listMine': () => okPage([]), 'session.inbox': () => okPage(items) });
    const home = render(<ResidentHome />);
    await until(() => home.container.querySelector('.btn-inbox .inbox-badge') !== null);
    expect(home.container.querySelector('.inbox-badge')?.textContent).toBe('2 件有新进展');
    home.unmount();
    // Read on her other phone: the server says so, and this phone has nothing of its own.
    items = items.map((n) => ({ ...n, read: true }));
    const again = render(<ResidentHome />);
    await until(() => again.container.querySelector('.btn-inbox') !== null);
    await settle();
    expect(again.container.querySelector('.inbox-badge')).toBeNull();
  });

  it('issue 18 (3): opening a thread tells the server, with its subject and newest line, and the row is read at once', async () => {
    const items = [notice('n2', { at: '2026-11-23T02:10:00.000Z' }), notice('n1')];
    const backend = fakeBackend({ ...sessionHandlers('resident'), 'session.inbox': () => okPage(items), 'session.markRead': () => ({ ok: true, data: { marked: 1 } }) });
    jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<Inbox />);
    await until(() => container.querySelector('#thread-r1 .inbox-unread') !== null);
    fireEvent.click(container.querySelector('#thread-r1') as Element);
    await until(() => backend.callsTo('session.markRead').length === 1);
    expect(backend.callsTo('session.markRead')[0]!.input).toMatchObject({ propertyId: PROPERTY, threads: [{ subject: { kind: 'repair', id: 'r1' }, at: '2026-11-23T02:10:00.000Z' }] });
    expect(container.querySelector('#thread-r1 .inbox-unread')).toBeNull();
  });

  it('issue 18 (3): what an older release kept on the phone is sent up once, then forgotten; the badge never shows those as new', async () => {
    const key = `seen.threads.${PROPERTY}.m1`;
    Taro.setStorageSync(key, { 'repair:r1': '2026-11-23T02:10:00.000Z', 'complaint:c1': '2026-11-23T02:00:00.000Z' });
    const items = [notice('n2', { at: '2026-11-23T02:10:00.000Z' }), notice('n1', { subject: { kind: 'complaint', id: 'c1' } })];
    const backend = fakeBackend({
      ...sessionHandlers('resident'),
      'repairs.listMine': () => okPage([]),
      'session.inbox': () => okPage(items),
      'session.markRead': () => ({ ok: true, data: { marked: 2 } }),
    });
    const home = render(<ResidentHome />);
    await until(() => backend.callsTo('session.markRead').length === 1);
    await settle();
    expect(home.container.querySelector('.inbox-badge')).toBeNull();
    expect(backend.callsTo('session.markRead')[0]!.input.threads).toEqual([
      { subject: { kind: 'repair', id: 'r1' }, at: '2026-11-23T02:10:00.000Z' },
      { subject: { kind: 'complaint', id: 'c1' }, at: '2026-11-23T02:00:00.000Z' },
    ]);
    expect(Taro.getStorageSync(key)).toBeFalsy();
    home.unmount();
    render(<ResidentHome />);
    await settle();
    expect(backend.callsTo('session.markRead')).toHaveLength(1);
  });

  it('explains what goes there when there is nothing', async () => {
    const { container } = await open('technician', () => []);
    await until(() => container.querySelector('.list-empty') !== null);
    expect(container.querySelector('.list-empty')?.textContent).toBe(ui.inbox.empty);
  });

  it('shows a new notice when the user’s signal moves, and chimes for a new urgent one only', async () => {
    let items = [notice('n1')];
    const { container } = await open('desk', () => items);
    await until(() => rows(container).length === 1);
    await until(() => FakeEventSource.instances.length === 1);
    const stream = FakeEventSource.latest();
    expect(stream.url).toContain(`ids=${encodeURIComponent(`${PROPERTY}~role:desk`)}`);

    items = [notice('n2', { kind: 'repair.new' }), ...items];
    stream.emit(`${PROPERTY}~role:desk`, 2);
    await until(() => rows(container).length === 2);
    expect(play).not.toHaveBeenCalled();

    items = [notice('n3', { kind: 'deadline.breach', title: '已超时', urgent: true }), ...items];
    stream.emit(`${PROPERTY}~role:desk`, 3);
    await until(() => rows(container).length === 3);
    await settle();
    expect(rows(container)[0]).toBe('inbox-n3');
    expect(play).toHaveBeenCalledTimes(1);
  });
});

describe('subjectPage: each notice opens the page its role works on', () => {
  it.each<[Role, string, string | null]>([
    ['resident', 'repair', '/pages/resident/repair/index?id=x1'],
    ['technician', 'repair', '/pages/technician/order/index?id=x1'],
    ['desk', 'repair', '/pages/desk/repair/index?id=x1'],
    ['manager', 'repair', '/pages/desk/repair/index?id=x1'],
    ['resident', 'complaint', '/pages/resident/complaint/index?id=x1'],
    ['supervisor', 'complaint', '/pages/desk/complaint/index?kind=complaint&id=x1'],
    ['manager', 'complaintGroup', '/pages/desk/complaint/index?kind=group&id=x1'],
    ['desk', 'callback', '/pages/desk/callbacks/index'],
    ['desk', 'binding', '/pages/desk/bindings/index'],
    ['supervisor', 'timer', '/pages/supervisor/health/index'],
    ['desk', 'timer', null],
    ['technician', 'callback', null],
    ['desk', 'something-new', null],
  ])('%s, %s → %s', (role, kind, page) => {
    expect(subjectPage(role, { kind, id: 'x1' })).toBe(page);
  });
});

describe('every role reaches the inbox from its home', () => {
  beforeEach(() => FakeEventSource.install());
  afterEach(() => jest.restoreAllMocks());

  it.each<[string, Role, () => JSX.Element, Record<string, () => unknown>, string]>([
    ['resident home', 'resident', () => <ResidentHome />, { 'repairs.listMine': () => okPage([]) }, '.btn-inbox'],
    ['technician orders', 'technician', () => <TechnicianOrders />, { 'repairs.assigned': () => okPage([]) }, '.link-inbox'],
    ['desk inbox', 'desk', () => <DeskInbox />, { 'repairs.inbox': () => okPage([]) }, '.link-inbox'],
    ['desk inbox, as supervisor', 'supervisor', () => <DeskInbox />, { 'repairs.inbox': () => okPage([]) }, '.link-inbox'],
  ])('%s', async (_name, role, page, handlers, link) => {
    fakeBackend({ ...sessionHandlers(role), ...handlers });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(page());
    await until(() => container.querySelector(link) !== null);
    fireEvent.click(container.querySelector(link) as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/inbox/index' });
  });
});
