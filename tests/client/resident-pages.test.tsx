import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ResidentHome from '../../client/src/pages/resident/home';
import MyRepairs from '../../client/src/pages/resident/repairs';
import MyRepair from '../../client/src/pages/resident/repair';
import TechnicianOrders from '../../client/src/pages/technician/orders';
import { QUEUE_KEY } from '../../client/src/offline/command-queue';
import { onSiteQueue } from '../../client/src/offline/sync';
import { residentUi } from '../../client/src/i18n/resident.zh-CN';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { repair, sessionHandlers, urgent } from './support/fixtures';
import { withRouteParams } from './support/route';

describe('resident home', () => {
  it('reaches 报修 in one tap and the desk phone in one more; issue 18 (2): of her three repairs two are signed, so one is 正在处理', async () => {
    const signed = (id: string) => repair({ id, status: 'signed' });
    const backend = fakeBackend({
      ...sessionHandlers('resident'),
      'repairs.listMine': (input) => (input.open ? okPage([repair({ id: 'r-open' })]) : okPage([repair({ id: 'r-open' }), signed('r-done-1'), signed('r-done-2')])),
    });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
    const { container } = render(<ResidentHome />);
    await until(() => container.querySelector('.btn-call-desk') !== null);
    await settle();

    expect(container.querySelector('#btn-new-repair .home-tile-title')?.textContent).toBe('报修');
    fireEvent.click(container.querySelector('#btn-new-repair') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/resident/repair-new/index' });

    fireEvent.click(container.querySelector('.btn-call-desk') as Element);
    expect(call).toHaveBeenCalledWith({ phoneNumber: '0571-88886666' });
    expect(container.querySelector('#btn-my-repairs .home-tile-hint')?.textContent).toBe('1 件正在处理');
    expect(backend.callsTo('repairs.listMine').map((c) => c.input)).toEqual([expect.objectContaining({ open: true })]);
    navigate.mockRestore();
    call.mockRestore();
  });
});

describe('我的报修', () => {
  it('explains what goes there when she has filed nothing', async () => {
    fakeBackend({ ...sessionHandlers('resident'), 'repairs.listMine': () => okPage([]) });
    const { container } = render(<MyRepairs />);
    await waitFor(() => expect(container.querySelector('.list-empty')?.textContent).toBe(residentUi.repairList.empty));
  });

  it('shows a repair’s status in words, what happens next, and its history', async () => {
    const r = repair({ id: 'r1', status: 'dispatched', technician: { memberId: 't1', name: '李师傅' } });
    fakeBackend({
      ...sessionHandlers('resident'),
      'repairs.get': () =>
        ok({
          ...r,
          history: [
            { action: 'submit', from: null, to: 'submitted', role: 'resident', reason: null, at: '2026-11-23T02:00:00.000Z' },
            { action: 'dispatch', from: 'submitted', to: 'dispatched', role: 'desk', reason: null, at: '2026-11-23T02:10:00.000Z' },
          ],
        }),
    });
    withRouteParams({ id: 'r1' });
    const { container } = render(<MyRepair />);
    await until(() => container.querySelector('.repair-status') !== null);

    expect(container.querySelector('.repair-status')?.textContent).toBe('已派单');
    expect(container.querySelector('.summary-next')?.textContent).toBe('已派给李师傅，师傅会和您联系。');
    const steps = Array.from(container.querySelectorAll('.timeline-action')).map((el) => el.textContent);
    expect(steps).toEqual(['派单 · 客服接待员', '提交报修 · 住户']);
  });

  it('shows a Chinese error with a way to try again when loading fails', async () => {
    fakeBackend({
      ...sessionHandlers('resident'),
      'repairs.listMine': () => ({ ok: false, code: 'COMMON.BUSY', message: '系统繁忙，请稍后再试' }),
    });
    const { container } = render(<MyRepairs />);
    await waitFor(() => expect(container.querySelector('.load-error')?.textContent).toContain('系统繁忙，请稍后再试'));
    expect(container.querySelector('.btn-retry')).not.toBeNull();
  });
});

describe('technician orders (李师傅)', () => {
  it('lists the orders in the day plan\'s order as the function answers it (urgent first), each with the room, the problem and the full phone', async () => {
    fakeBackend({
      ...sessionHandlers('technician'),
      'repairs.assigned': () =>
        okPage([
          urgent('R3.1', { id: 'r-lift', category: 'elevator', address: '2栋1单元电梯', phone: '13900002222' }),
          repair({ id: 'r-sooner', preferredTime: { date: '2026-11-24', slot: 'morning' } }),
          repair({ id: 'r-later', preferredTime: { date: '2026-11-25', slot: 'evening' }, address: '3栋2单元1502' }),
        ]),
    });
    const { container } = render(<TechnicianOrders />);
    await until(() => container.querySelectorAll('.repair-card').length === 3);
    await settle();

    const ids = Array.from(container.querySelectorAll('.repair-card')).map((c) => c.id);
    expect(ids).toEqual(['repair-r-lift', 'repair-r-sooner', 'repair-r-later']);
    const lift = container.querySelector('#repair-r-lift');
    expect(lift?.querySelector('.repair-card-address')?.textContent).toBe('2栋1单元电梯');
    expect(lift?.querySelector('.repair-card-phone')?.textContent).toContain('13900002222');
    expect(lift?.querySelector('.btn-call-resident')).not.toBeNull();
  });

  it('issue 12 (3.9): an order with a step set aside says why on its card; one with steps waiting says how many', async () => {
    const queued = (commandId: string, repairId: string, action: string) => ({ commandId, deviceTime: '2026-11-23T02:20:00.000Z', action, repairId, propertyId: 'p1', uploadPrefix: 'uploads/li/', version: 3, input: {}, uploaded: {}, failures: 0 });
    Taro.setStorageSync(QUEUE_KEY, {
      commands: [queued('cmd-arr-000001', 'r-later', 'arrive'), queued('cmd-ack-000002', 'r-sooner', 'acknowledge')],
      conflicts: { 'r-later': { code: 'COMMON.VERSION_CONFLICT', message: '记录已被同事更新（服务器的原话）', action: 'arrive', at: '2026-11-23T02:21:00.000Z', tries: 1 } },
    });
    onSiteQueue.reload();
    fakeBackend({
      ...sessionHandlers('technician'),
      'repairs.assigned': () => okPage([repair({ id: 'r-later' }), repair({ id: 'r-sooner' })]),
      'repairs.acknowledge': () => new Promise(() => undefined),
    });
    const { container, unmount } = render(<TechnicianOrders />);
    await until(() => container.querySelectorAll('.repair-card').length === 2);

    const entries = Array.from(container.querySelectorAll('.order-entry'));
    const entryOf = (id: string) => entries.find((e) => e.querySelector(`#repair-${id}`));
    expect(entryOf('r-later')?.querySelector('.order-set-aside')?.textContent).toBe('未能同步：系统没有接受“到场”：记录已被同事更新（服务器的原话）');
    expect(entryOf('r-later')?.querySelector('.order-pending')).toBeNull();
    expect(entryOf('r-sooner')?.querySelector('.order-pending')?.textContent).toBe('1 步待提交');
    expect(entryOf('r-sooner')?.querySelector('.order-set-aside')).toBeNull();
    unmount();
    localStorage.clear();
    onSiteQueue.reload();
  });
});
