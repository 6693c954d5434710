import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { messages } from '@shared/messages';
import DeskInbox from '../../client/src/pages/desk/inbox';
import StaffHome from '../../client/src/pages/supervisor/home';
import DeskComplaints from '../../client/src/pages/desk/complaints';
import { ui } from '../../client/src/i18n/ui.zh-CN';
import { workEntry } from './support/work-grid';
import { fakeBackend, settle, until, okPage } from './support/fake-backend';
import { FakeEventSource } from './support/fake-event-source';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { complaint, group } from './support/complaint-fixtures';

const deskSignal = `${PROPERTY}~role:desk`;
const cardIds = (container: HTMLElement) => Array.from(container.querySelectorAll('.case-card')).map((card) => card.id);

describe('投诉待办: the desk’s open complaints (C4 C9)', () => {
  let navigate: jest.SpyInstance;
  beforeEach(() => {
    FakeEventSource.install();
    navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  });
  afterEach(() => navigate.mockRestore());

  it('C4 C9: keeps the server’s order and marks 特急, VIP, a group’s households, the due time, overdue and the class', async () => {
    const vip = complaint({ id: 'c-vip', urgency: 'top', vip: true, dueAt: '2026-11-23T15:59:00.000Z', dueRule: 'C4.classify' });
    const crowd = group({ id: 'g-lift', category: 'elevator', placeLabel: '2栋', households: 6 });
    const late = complaint({
      id: 'c-late',
      status: 'handling',
      overdue: true,
      dueAt: '2026-11-22T02:00:00.000Z',
      classification: { class: 'responsible', severity: 'general', jurisdiction: null, reasons: [], note: '', at: '2026-11-21T02:00:00.000Z' },
    });
    const plain = complaint({ id: 'c-plain', category: 'parking' });
    fakeBackend({ ...sessionHandlers('desk'), 'complaints.inbox': () => okPage([vip, crowd, late, plain]) });

    const { container } = render(<DeskComplaints />);
    await waitFor(() => expect(cardIds(container)).toEqual(['case-complaint-c-vip', 'case-group-g-lift', 'case-complaint-c-late', 'case-complaint-c-plain']));
    const $ = (s: string) => container.querySelector(s);

    expect($('#case-complaint-c-vip .badge-top')?.textContent).toBe(messages.urgency.top);
    expect($('#case-complaint-c-vip .badge-vip')?.textContent).toBe(ui.deskComplaints.vip);
    expect($('#case-complaint-c-vip .case-card-due')?.textContent).toMatch(/^应处理：/);
    expect($('#case-group-g-lift .badge-group')?.textContent).toBe('群体投诉 · 6户');
    expect($('#case-group-g-lift .badge-top')?.textContent).toBe(messages.urgency.top);
    expect($('#case-group-g-lift .case-card-who')?.textContent).toBe('6 户反映同一件事');
    expect($('#case-complaint-c-late .badge-overdue')?.textContent).toBe(ui.deskComplaints.overdue);
    expect($('#case-complaint-c-late .badge-class')?.textContent).toBe('有责投诉 · 一般');
    expect($('#case-complaint-c-plain .badge-top')).toBeNull();
    expect($('#case-complaint-c-plain .badge-class')).toBeNull();
    expect($('#case-complaint-c-plain .badge-overdue')).toBeNull();

    fireEvent.click($('#case-group-g-lift') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/complaint/index?kind=group&id=g-lift' });
  });

  it('C4: a case card is a button in the tab order, and Enter on it opens the case (issue 17, 2)', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'complaints.inbox': () => okPage([complaint({ id: 'c-key' })]) });
    const { container } = render(<DeskComplaints />);
    await until(() => container.querySelector('#case-complaint-c-key') !== null);
    const card = container.querySelector<HTMLElement>('#case-complaint-c-key') as HTMLElement;
    expect([card.getAttribute('tabindex'), card.getAttribute('role')]).toEqual(['0', 'button']);
    card.focus();
    fireEvent.keyDown(card, { key: 'Enter', keyCode: 13 });
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/complaint/index?kind=complaint&id=c-key' });
  });

  it('shows a new complaint without a reload when the desk’s signal moves', async () => {
    let items = [complaint({ id: 'c-first' })];
    const backend = fakeBackend({ ...sessionHandlers('desk'), 'complaints.inbox': () => okPage(items) });
    const { container } = render(<DeskComplaints />);
    await waitFor(() => expect(cardIds(container)).toEqual(['case-complaint-c-first']));
    await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));

    items = [complaint({ id: 'c-vip', urgency: 'top', vip: true }), ...items];
    FakeEventSource.latest().emit(deskSignal, 4);

    await waitFor(() => expect(cardIds(container)).toEqual(['case-complaint-c-vip', 'case-complaint-c-first']));
    expect(backend.callsTo('complaints.inbox').length).toBeGreaterThanOrEqual(2);
  });

  it('links to 登记投诉 and to the day’s register', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'complaints.inbox': () => okPage([]) });
    const { container } = render(<DeskComplaints />);
    await until(() => container.querySelector('.list-empty') !== null);
    expect(container.querySelector('.list-empty')?.textContent).toBe(ui.deskComplaints.empty);

    fireEvent.click(container.querySelector('.btn-register-complaint') as Element);
    fireEvent.click(container.querySelector('.link-complaint-register') as Element);

    expect(navigate.mock.calls.map(([arg]) => arg)).toEqual([
      { url: '/pages/desk/complaint-register/index' },
      { url: '/pages/supervisor/complaint-register/index' },
    ]);
  });

  it('offers the manager no 登记投诉 (only the desk and the supervisor register)', async () => {
    fakeBackend({ ...sessionHandlers('manager'), 'complaints.inbox': () => okPage([]) });
    const { container } = render(<DeskComplaints />);
    await until(() => container.querySelector('.list-empty') !== null);
    expect(container.querySelector('.btn-register-complaint')).toBeNull();
    expect(container.querySelector('.link-complaint-register')).not.toBeNull();
  });
});

describe('the desk queue and the staff home link to the complaints', () => {
  afterEach(() => jest.restoreAllMocks());

  it('with the count of open cases', async () => {
    FakeEventSource.install();
    fakeBackend({
      ...sessionHandlers('desk'),
      'repairs.inbox': () => okPage([]),
      'complaints.inbox': () => okPage([complaint(), group()]),
    });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<DeskInbox />);
    await until(() => workEntry(container, 'complaints')?.badge === '2');
    expect(workEntry(container, 'complaints')?.label).toBe('投诉待办');

    fireEvent.click(container.querySelector('.link-complaints') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/complaints/index' });
    expect(container.querySelector('.link-complaint-figures')).toBeNull();
  });

  it.each(['supervisor', 'manager'] as const)('and, for the %s, to the register and the C8 figures', async (role) => {
    FakeEventSource.install();
    fakeBackend({ ...sessionHandlers(role), 'repairs.inbox': () => okPage([]), 'complaints.inbox': () => okPage([]) });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const { container } = render(<StaffHome />);
    await until(() => container.querySelector('.link-complaint-figures') !== null);
    await settle();

    fireEvent.click(container.querySelector('.link-complaints') as Element);
    fireEvent.click(container.querySelector('.link-complaint-register') as Element);
    fireEvent.click(container.querySelector('.link-complaint-figures') as Element);
    expect(navigate.mock.calls.map(([arg]) => arg)).toEqual([
      { url: '/pages/desk/complaints/index' },
      { url: '/pages/supervisor/complaint-register/index' },
      { url: '/pages/supervisor/complaint-figures/index' },
    ]);
  });
});
