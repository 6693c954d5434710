import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BindingView } from '@shared/contracts/members.contract';
import type { Role } from '@shared/model/member.model';
import DeskBindings from '../../client/src/pages/desk/bindings';
import DeskInbox from '../../client/src/pages/desk/inbox';
import StaffHome from '../../client/src/pages/supervisor/home';
import { workEntry } from './support/work-grid';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';

const request = (over: Partial<BindingView> = {}): BindingView => ({
  id: 'bd-wang',
  propertyId: PROPERTY,
  roomId: `${PROPERTY}:3-2-1502`,
  address: '3-2-1502',
  name: '王秀英',
  relation: 'owner',
  phone: '138****1111',
  status: 'pending',
  version: 1,
  reason: null,
  createdAt: '2026-11-23T02:00:00.000Z',
  reviewedAt: null,
  ...over,
});

/** The desk's queue as the function keeps it: a reviewed request leaves it. */
const deskWith = (role: Role = 'desk') => {
  let pending = [request(), request({ id: 'bd-zhang', address: '5-1-302', name: '张伟', relation: 'tenant', phone: '139****3333', invitedBy: '赵磊' })];
  const backend = fakeBackend({
    ...sessionHandlers(role),
    'members.bindingRequests': () => okPage(pending),
    'members.revealBindingPhone': (input) => ok({ phone: input.bindingId === 'bd-wang' ? '13800001111' : '13900003333' }),
    'members.reviewBinding': (input) => {
      const found = pending.find((b) => b.id === input.bindingId);
      if (!found) return { ok: false, code: 'BINDING.ALREADY_REVIEWED', message: '这条申请已经处理过了，请刷新' };
      pending = pending.filter((b) => b !== found);
      const approved = input.decision === 'approve';
      return ok({ ...found, status: approved ? 'approved' : 'rejected', version: 2, reason: approved ? null : input.reason });
    },
  });
  return { backend, review: (id: string) => (pending = pending.filter((b) => b.id !== id)) };
};

const open = async () => {
  const view = render(<DeskBindings />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => view.container.querySelectorAll('.binding-row').length > 0);
  await settle();
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  const rows = () => Array.from(view.container.querySelectorAll('.binding-row')).map((row) => row.id);
  return { ...view, $, tap, rows };
};

describe('绑定审核: the desk checks and reviews requests to bind a room (issue 7)', () => {
  it('lists the requests oldest first with masked phones, and reads one full number to call back', async () => {
    const { backend } = deskWith();
    const page = await open();
    expect(page.rows()).toEqual(['binding-bd-wang', 'binding-bd-zhang']);
    expect(page.$('#binding-bd-wang .binding-who')?.textContent).toBe('王秀英 · 业主');
    // Issue 18 (5): a request made with an owner's invitation says whose.
    expect(page.$('#binding-bd-wang .binding-invited')).toBeNull();
    expect(page.$('#binding-bd-zhang .binding-invited')?.textContent).toBe('业主邀请 · 赵磊');
    expect(page.$('#binding-bd-wang .binding-phone')?.textContent).toBe('电话 138****1111');
    expect(page.container.textContent).not.toContain('13800001111');

    await page.tap('#binding-bd-wang .btn-reveal-phone');

    expect(backend.callsTo('members.revealBindingPhone').map((c) => c.input)).toEqual([{ propertyId: PROPERTY, bindingId: 'bd-wang' }]);
    expect(page.$('#binding-bd-wang .btn-call-applicant')?.textContent).toBe('拨打 13800001111');
    expect(page.$('#binding-bd-zhang .binding-phone')?.textContent).toBe('电话 139****3333');
  });

  it('the desk approves a binding request, sending the version it saw, and it leaves the queue', async () => {
    const { backend } = deskWith();
    const page = await open();

    await page.tap('#binding-bd-wang .btn-approve-binding');
    await until(() => page.rows().length === 1);

    expect(backend.callsTo('members.reviewBinding')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      bindingId: 'bd-wang',
      version: 1,
      decision: 'approve',
      reason: '',
    });
    expect(page.rows()).toEqual(['binding-bd-zhang']);
  });

  it('the desk rejects with a reason the resident will read; without one, nothing is sent', async () => {
    const { backend } = deskWith();
    const page = await open();
    await page.tap('#binding-bd-zhang .btn-reject-binding');
    await page.tap('#binding-bd-zhang .btn-confirm-reject');

    expect(page.$('#binding-bd-zhang .binding-problem')?.textContent).toBe('请写明驳回原因（至少两个字）');
    expect(backend.callsTo('members.reviewBinding')).toHaveLength(0);

    fireEvent.input(page.$('#binding-bd-zhang .input-reject-reason textarea') as Element, { target: { value: '租户请带租房合同来物业中心登记' } });
    await settle(10);
    await page.tap('#binding-bd-zhang .btn-confirm-reject');
    await until(() => page.rows().length === 1);

    expect(backend.callsTo('members.reviewBinding')[0]?.input).toMatchObject({ bindingId: 'bd-zhang', version: 1, decision: 'reject', reason: '租户请带租房合同来物业中心登记' });
    expect(page.rows()).toEqual(['binding-bd-wang']);
  });

  it('a request a colleague reviewed meanwhile: the server\'s words in a toast, and the queue reloads', async () => {
    const toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
    const { review } = deskWith();
    const page = await open();
    review('bd-wang');

    await page.tap('#binding-bd-wang .btn-approve-binding');
    await until(() => page.rows().length === 1);

    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '这条申请已经处理过了，请刷新' }));
    expect(page.rows()).toEqual(['binding-bd-zhang']);
    toast.mockRestore();
  });

  it('says what goes here when there is nothing to review', async () => {
    fakeBackend({ ...sessionHandlers('desk'), 'members.bindingRequests': () => okPage([]) });
    const { container } = render(<DeskBindings />);
    await until(() => container.querySelector('.list-empty') !== null);
    expect(container.querySelector('.list-empty')?.textContent).toBe('现在没有待审核的绑定申请。新用户申请绑定房屋后，会出现在这里。');
  });
});

describe('the desk inbox links to the review queue, and the supervisor’s and manager’s home to the staff page', () => {
  let navigate: jest.SpyInstance;
  beforeEach(() => {
    navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  });
  afterEach(() => navigate.mockRestore());

  it('shows the desk how many requests wait, one click away', async () => {
    deskWith('desk');
    const { container } = render(<DeskInbox />);
    await until(() => workEntry(container, 'bindings')?.badge === '2');
    expect(workEntry(container, 'bindings')?.label).toBe('绑定审核');
    expect(container.querySelector('.link-members')).toBeNull();

    fireEvent.click(container.querySelector('.link-bindings') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/desk/bindings/index' });
  });

  it.each<Role>(['supervisor', 'manager'])('gives a %s the link to 人员管理', async (role) => {
    deskWith(role);
    const { container } = render(<StaffHome />);
    await until(() => container.querySelector('.link-members') !== null);
    fireEvent.click(container.querySelector('.link-members') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/supervisor/members/index' });
  });
});
