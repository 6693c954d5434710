import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import RepairNew from '../../client/src/pages/resident/repair-new';
import ComplaintNew from '../../client/src/pages/resident/complaint-new';
import DeskRepair from '../../client/src/pages/desk/repair';
import DeskInbox from '../../client/src/pages/desk/inbox';
import TechnicianOrders from '../../client/src/pages/technician/orders';
import ResidentHome from '../../client/src/pages/resident/home';
import { promptTemplates } from '../../client/src/hooks/useSubscribeConsent';
import { sessionStore } from '../../client/src/store/session.store';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, filed, repair, urgent } from './support/fixtures';
import { complaint } from './support/complaint-fixtures';
import { withRouteParams } from './support/route';
import { acceptAll, sessionWithStock, stock, weChatPrompt } from './support/subscribe';

const oneRoom = [{ roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' }];

const fileRepair = async () => {
  const view = render(<RepairNew />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $('.btn-submit-repair') !== null);
  await settle();
  fireEvent.click($('#category-water') as Element);
  await settle(10);
  fireEvent.input($('.input-description textarea') as Element, { target: { value: '厨房水龙头一直在漏水' } });
  await settle(10);
  return { ...view, $ };
};

const currentStock = () => {
  const state = sessionStore.get();
  return state.status === 'ready' ? state.context.subscribe : undefined;
};

describe('subscribe-message consent (issue 5): asked inside the tap, never in the way', () => {
  let restore = () => undefined as void;
  beforeEach(() => {
    FakeEventSource.install();
    jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  });
  afterEach(() => {
    restore();
    jest.restoreAllMocks();
  });

  it('asks for the three templates with the fewest sends left, each once', () => {
    expect(promptTemplates(stock(true))).toEqual(['tmplUrgent', 'tmplNewRepair', 'tmplEscalation']);
    expect(promptTemplates({ templates: [{ kind: 'a', templateId: 'T1', remaining: 3 }, { kind: 'b', templateId: 'T1', remaining: 0 }], low: true })).toEqual(['T1']);
    expect(promptTemplates({ templates: [], low: false })).toEqual([]);
    expect(promptTemplates(undefined)).toEqual([]);
  });

  it('the consent prompt is asked inside the tap, before the action is sent', async () => {
    const backend = fakeBackend({
      ...sessionWithStock('resident', stock(false), oneRoom),
      'repairs.create': () => ok(filed(repair({ id: 'r-new' }))),
      'session.consent': () => ok(stock(false)),
    });
    let filedWhenAsked: number | null = null;
    const wechat = weChatPrompt(acceptAll, () => {
      filedWhenAsked = backend.callsTo('repairs.create').length;
    });
    restore = wechat.restore;
    const { $ } = await fileRepair();

    fireEvent.click($('.btn-submit-repair') as Element);
    // Synchronously, within the tap's own event dispatch: no await has run yet.
    expect(wechat.prompt).toHaveBeenCalledTimes(1);
    expect(filedWhenAsked).toBe(0);
    expect(wechat.prompt.mock.calls[0]?.[0]).toMatchObject({ tmplIds: ['tmplUrgent', 'tmplNewRepair', 'tmplEscalation'] });

    await until(() => backend.callsTo('repairs.create').length === 1);
  });

  it('accepted templates are reported to the server and the new stock is kept; rejected ones are reported as such', async () => {
    const after = stock(false, { tmplNewRepair: 2, tmplUrgent: 1, tmplCallback: 4, tmplEscalation: 2 });
    const backend = fakeBackend({
      ...sessionWithStock('resident', stock(true), oneRoom),
      'repairs.create': () => ok(filed(repair({ id: 'r-new' }))),
      'session.consent': () => ok(after),
    });
    const wechat = weChatPrompt(() => Promise.resolve({ tmplUrgent: 'accept', tmplNewRepair: 'accept', tmplEscalation: 'reject' }));
    restore = wechat.restore;
    const { $ } = await fileRepair();

    fireEvent.click($('.btn-submit-repair') as Element);

    await until(() => backend.callsTo('session.consent').length === 1);
    expect(backend.callsTo('session.consent')[0]?.input).toEqual({
      propertyId: PROPERTY,
      accepted: ['tmplUrgent', 'tmplNewRepair'],
      rejected: ['tmplEscalation'],
      commandId: expect.any(String),
      deviceTime: expect.any(String),
    });
    await until(() => currentStock()?.low === false);
    expect(currentStock()).toEqual(after);
    await until(() => backend.callsTo('repairs.create').length === 1);
  });

  it('a refused prompt does not stop the repair being filed', async () => {
    const backend = fakeBackend({
      ...sessionWithStock('resident', stock(true), oneRoom),
      'repairs.create': () => ok(filed(repair({ id: 'r-new' }))),
      'session.consent': () => ok(stock(true)),
    });
    const wechat = weChatPrompt(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail', errCode: 20004 }));
    restore = wechat.restore;
    const { $ } = await fileRepair();

    fireEvent.click($('.btn-submit-repair') as Element);

    await until(() => backend.callsTo('repairs.create').length === 1);
    await until(() => $('.repair-form') === null);
    expect(wechat.prompt).toHaveBeenCalledTimes(1);
    expect(backend.callsTo('session.consent')).toHaveLength(0);
    expect(backend.callsTo('repairs.create')[0]?.input).toMatchObject({ category: 'water', description: '厨房水龙头一直在漏水' });
  });

  it('a prompt answered "reject" to every template, and a consent call that fails, still file the complaint', async () => {
    const backend = fakeBackend({
      ...sessionWithStock('resident', stock(false, { tmplComplaint: 0 }), oneRoom),
      'complaints.create': () => ok(complaint({ id: 'c-new' })),
      'session.consent': () => ({ ok: false, code: 'COMMON.BUSY', message: '网络不太好' }),
    });
    const wechat = weChatPrompt(() => Promise.resolve({ tmplComplaint: 'reject' }));
    restore = wechat.restore;
    const view = render(<ComplaintNew />);
    const $ = (selector: string) => view.container.querySelector(selector);
    await until(() => $('.btn-submit-complaint') !== null);
    await settle();
    jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
    for (const chip of ['#category-cleaning', '#place-building']) {
      fireEvent.click($(chip) as Element);
      await settle();
    }
    const typed: Array<[string, string]> = [
      ['.input-target input', '保洁部'],
      ['.input-complaint-description textarea', '楼道垃圾三天没人清理'],
      ['.input-complaint-request textarea', '请尽快清理'],
    ];
    for (const [field, text] of typed) {
      fireEvent.input($(field) as Element, { target: { value: text } });
      await settle(10);
    }

    fireEvent.click($('.btn-submit-complaint') as Element);
    expect(wechat.prompt).toHaveBeenCalledTimes(1);

    await until(() => backend.callsTo('complaints.create').length === 1);
    await until(() => backend.callsTo('session.consent').length >= 1);
    expect(backend.callsTo('session.consent')[0]?.input).toMatchObject({ accepted: [], rejected: ['tmplComplaint'] });
    expect(backend.callsTo('complaints.create')[0]?.input).toMatchObject({ target: '保洁部', request: '请尽快清理' });
  });

  it('does nothing in H5, where there is no prompt: no consent call, and the repair is filed', async () => {
    const prompt = jest.spyOn(Taro, 'requestSubscribeMessage');
    const backend = fakeBackend({
      ...sessionWithStock('resident', stock(true), oneRoom),
      'repairs.create': () => ok(filed(repair({ id: 'r-new' }))),
    });
    const { $ } = await fileRepair();

    fireEvent.click($('.btn-submit-repair') as Element);

    await until(() => backend.callsTo('repairs.create').length === 1);
    await settle();
    expect(prompt).not.toHaveBeenCalled();
    expect(backend.callsTo('session.consent')).toHaveLength(0);
  });

  it('asks the desk on a dispatch tap, before the dispatch is sent', async () => {
    const burst = urgent('R3.4', { id: 'r-burst', version: 3, actions: ['dispatch'] });
    const backend = fakeBackend({
      ...sessionWithStock('desk', stock(true)),
      'repairs.get': () => ok({ ...burst, history: [] }),
      'repairs.technicians': () =>
        ok({ items: [{ memberId: 'tech-li', name: '李师傅', skills: ['plumbing'], openOrders: 1, skillMatch: true, reason: '会水暖' }] }),
      'repairs.dispatch': () => ok({ ...burst, status: 'dispatched', version: 4, actions: [] }),
      'session.consent': () => ok(stock(false)),
    });
    let dispatchedWhenAsked: number | null = null;
    const wechat = weChatPrompt(acceptAll, () => {
      dispatchedWhenAsked = backend.callsTo('repairs.dispatch').length;
    });
    restore = wechat.restore;
    withRouteParams({ id: 'r-burst' });
    const { container } = render(<DeskRepair />);
    await until(() => container.querySelector('#btn-dispatch') !== null);
    await settle();

    fireEvent.click(container.querySelector('#btn-dispatch') as Element);
    expect(wechat.prompt).toHaveBeenCalledTimes(1);
    expect(dispatchedWhenAsked).toBe(0);

    await until(() => backend.callsTo('repairs.dispatch').length === 1);
    await until(() => backend.callsTo('session.consent').length === 1);
    expect(backend.callsTo('session.consent')[0]?.input).toMatchObject({ accepted: ['tmplUrgent', 'tmplNewRepair', 'tmplEscalation'], rejected: [] });
  });
});

describe('staff see the low-stock warning, with the button that tops it up (issue 17, 2)', () => {
  let restore = () => undefined as void;
  beforeEach(() => FakeEventSource.install());
  afterEach(() => {
    restore();
    jest.restoreAllMocks();
  });

  it('on the desk inbox when sends run low, in the words of ui.subscribe.low; its button asks WeChat and records the answer', async () => {
    const wechat = weChatPrompt(acceptAll);
    restore = wechat.restore;
    const backend = fakeBackend({ ...sessionWithStock('desk', stock(true)), 'repairs.inbox': () => okPage([]), 'session.consent': () => ok(stock(false)) });
    const { container } = render(<DeskInbox />);
    await until(() => container.querySelector('.subscribe-low') !== null);
    expect(container.querySelector('.subscribe-low-text')?.textContent).toBe('消息提醒次数快用完了，补充后才能及时收到新工单和投诉的提醒。');
    expect(container.querySelector('.btn-subscribe-top-up')?.textContent).toBe(ui.subscribe.topUp);

    fireEvent.click(container.querySelector('.btn-subscribe-top-up') as Element);
    expect(wechat.prompt).toHaveBeenCalledTimes(1);
    expect(wechat.prompt.mock.calls[0]?.[0]).toMatchObject({ tmplIds: ['tmplUrgent', 'tmplNewRepair', 'tmplEscalation'] });
    await until(() => backend.callsTo('session.consent').length === 1);
    await until(() => container.querySelector('.subscribe-low') === null);
  });

  it('on the technician’s orders too', async () => {
    restore = weChatPrompt(acceptAll).restore;
    fakeBackend({ ...sessionWithStock('technician', stock(true)), 'repairs.assigned': () => okPage([]) });
    const { container } = render(<TechnicianOrders />);
    await until(() => container.querySelector('.subscribe-low') !== null);
    expect(container.querySelector('.subscribe-low-text')?.textContent).toBe(ui.subscribe.low);
  });

  it('not where nothing can top it up (the H5 build asks WeChat for nothing)', async () => {
    fakeBackend({ ...sessionWithStock('desk', stock(true)), 'repairs.inbox': () => okPage([]) });
    const desk = render(<DeskInbox />);
    await until(() => desk.container.querySelector('.list-empty') !== null);
    expect(desk.container.querySelector('.subscribe-low')).toBeNull();
  });

  it('not while the stock is fine, and never for a resident', async () => {
    restore = weChatPrompt(acceptAll).restore;
    fakeBackend({ ...sessionWithStock('desk', stock(false)), 'repairs.inbox': () => okPage([]) });
    const desk = render(<DeskInbox />);
    await until(() => desk.container.querySelector('.list-empty') !== null);
    expect(desk.container.querySelector('.subscribe-low')).toBeNull();
    desk.unmount();

    fakeBackend({ ...sessionWithStock('resident', stock(true), oneRoom), 'repairs.listMine': () => okPage([]) });
    const home = render(<ResidentHome />);
    await until(() => home.container.querySelector('.home-hello') !== null);
    await settle();
    expect(home.container.querySelector('.subscribe-low')).toBeNull();
  });
});
