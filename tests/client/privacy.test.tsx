import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type * as z from 'zod/mini';
import type { ErasureView, MyData } from '@shared/contracts/privacy.contract';
import MyDataPage from '../../client/src/pages/resident/my-data';
import ResidentHome from '../../client/src/pages/resident/home';
import Erasures from '../../client/src/pages/supervisor/erasures';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';

type Held = z.infer<typeof MyData>;
type Erasure = z.infer<typeof ErasureView>;

const held = (over: Partial<Held> = {}): Held => ({
  memberships: [{ propertyId: PROPERTY, role: 'resident', name: '王秀英', phone: '13800000101', rooms: ['1-1-101'], status: 'active', since: '2026-11-01T02:00:00.000Z' }],
  bindings: [{ propertyId: PROPERTY, address: '1-1-101', name: '王秀英', phone: '13800000101', relation: 'owner', status: 'approved', at: '2026-11-01T01:00:00.000Z' }],
  repairs: [{ id: 'r1', address: '1-1-101', description: '厨房水龙头漏水', phone: '13800000101', photos: 2, status: 'signed', at: '2026-11-10T02:00:00.000Z' }],
  complaints: [],
  callbacks: [{ kind: 'repair', status: 'done', notes: '师傅很准时', at: '2026-11-12T02:00:00.000Z' }],
  erasure: null,
  ...over,
});

const modalAnswers = (...confirms: boolean[]) => {
  const spy = jest.spyOn(Taro, 'showModal');
  for (const confirm of confirms) spy.mockResolvedValueOnce({ confirm, cancel: !confirm, errMsg: 'showModal:ok' });
  return spy;
};

const openMyData = async () => {
  const page = render(<MyDataPage />);
  const $ = (selector: string) => page.container.querySelector(selector);
  await until(() => $('.erasure-card') !== null);
  await settle();
  return { ...page, $, text: (selector: string) => $(selector)?.textContent ?? '' };
};

describe('我的个人信息: an owner invites family or a tenant to bind her room (issue 18, 5)', () => {
  const rooms = [{ roomId: `${PROPERTY}:1-1-101`, label: '1-1-101' }];
  const issued = { id: 'ri_1', address: '1-1-101', relation: 'family', expiresAt: '2026-11-26T02:00:00.000Z', code: 'ABCD2345', path: `pages/join/bind/index?p=${PROPERTY}&code=ABCD2345` };

  it('she picks who they are, gets the code once with the message to send, and nothing is sent before she picks', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident', rooms), 'members.myData': () => ok(held()), 'members.inviteToRoom': () => ok(issued) });
    const page = await openMyData();
    fireEvent.click(page.$('.btn-invite-room') as Element);
    await settle();
    expect(page.text('.invite-problem')).toBe('请先选择对方是您的家属还是租户');
    expect(backend.callsTo('members.inviteToRoom')).toHaveLength(0);
    fireEvent.click(page.$('#invite-relation-family') as Element);
    fireEvent.click(page.$('.btn-invite-room') as Element);
    await until(() => page.$('.invite-code') !== null);
    expect(backend.callsTo('members.inviteToRoom')[0]?.input).toEqual({ propertyId: PROPERTY, commandId: expect.any(String), deviceTime: expect.any(String), roomId: `${PROPERTY}:1-1-101`, relation: 'family' });
    expect(page.text('.invite-code')).toBe('ABCD2345');
    expect(page.text('.invite-message')).toBe('邀请您以家属身份绑定 1-1-101：打开物业小程序“绑定房屋”，选“我有业主给的邀请码”，输入 ABCD2345');
  });

  it('a tenant (her approved request says so) is offered no invitation', async () => {
    const tenant = [{ propertyId: PROPERTY, address: '1-1-101', name: '赵租客', phone: '13800001030', relation: 'tenant', status: 'approved', at: '2026-11-01T01:00:00.000Z' }];
    const backend = fakeBackend({ ...sessionHandlers('resident', rooms), 'members.myData': () => ok(held({ bindings: tenant })) });
    const page = await openMyData();
    expect(page.$('.invite-card')).toBeNull();
    expect(backend.callsTo('members.myRoomInvitations')).toHaveLength(0);
  });

  it('her open codes are listed under the card (whom for, issued, until; never the code); one she withdraws after confirming leaves the list', async () => {
    let open = [
      { id: 'ri_1', address: '1-1-101', relation: 'family', createdAt: '2026-11-23T02:00:00.000Z', expiresAt: '2026-11-26T02:00:00.000Z' },
      { id: 'ri_2', address: '1-1-101', relation: 'tenant', createdAt: '2026-11-23T03:00:00.000Z', expiresAt: '2026-11-26T03:00:00.000Z' },
    ];
    const backend = fakeBackend({
      ...sessionHandlers('resident', rooms),
      'members.myData': () => ok(held()),
      'members.myRoomInvitations': () => okPage(open),
      'members.cancelRoomInvitation': (input) => {
        open = open.filter((i) => i.id !== input.invitationId);
        return ok({ id: String(input.invitationId), cancelledAt: '2026-11-23T04:00:00.000Z' });
      },
    });
    const page = await openMyData();
    await until(() => page.$('#open-invite-ri_2') !== null);
    expect(page.text('.open-invites-title')).toBe('未使用的邀请码（2）');
    expect(page.text('#open-invite-ri_1 .open-invite-who')).toBe('邀请家属 · 1-1-101');
    modalAnswers(false, true);
    fireEvent.click(page.$('#open-invite-ri_2 .btn-cancel-invite') as Element);
    await settle();
    expect(backend.callsTo('members.cancelRoomInvitation')).toHaveLength(0);
    fireEvent.click(page.$('#open-invite-ri_2 .btn-cancel-invite') as Element);
    await until(() => page.$('#open-invite-ri_2') === null);
    expect(backend.callsTo('members.cancelRoomInvitation')[0]?.input).toMatchObject({ propertyId: PROPERTY, invitationId: 'ri_2' });
    expect(page.text('.open-invites-title')).toBe('未使用的邀请码（1）');
  });
});

describe('我的个人信息: a resident sees what is held about her and asks for it to be deleted (PIPL)', () => {
  it('shows every kind of record held, with her own numbers in full, and says where there is none', async () => {
    fakeBackend({ ...sessionHandlers('resident'), 'members.myData': () => ok(held()) });
    const page = await openMyData();
    expect(page.text('.held-memberships .held-title')).toBe('王秀英');
    expect(page.text('.held-memberships .held-status')).toBe('住户 · 在职');
    expect(page.text('.held-memberships')).toContain('电话 13800000101');
    expect(page.text('.held-bindings .held-title')).toBe('1-1-101 · 王秀英（业主）');
    expect(page.text('.held-repairs .held-status')).toBe('已完成');
    expect(page.text('.held-repairs')).toContain('厨房水龙头漏水');
    expect(page.text('.held-repairs')).toContain('2 张照片');
    expect(page.text('.held-complaints .held-none')).toBe('没有');
    expect(page.text('.held-callbacks .held-title')).toBe('维修回访');
    expect(page.text('.held-callbacks .held-status')).toBe('已回访');
  });

  it('a resident asks for deletion, after a confirmation that open tickets are finished first, and sees it pending', async () => {
    let erasure: Held['erasure'] = null;
    const backend = fakeBackend({
      ...sessionHandlers('resident'),
      'members.myData': () => ok(held({ erasure })),
      'members.requestErasure': () => {
        erasure = { status: 'pending', requestedAt: new Date().toISOString() };
        return ok(erasure);
      },
    });
    const modal = modalAnswers(true);
    const page = await openMyData();
    fireEvent.input(page.$('.input-erasure-reason textarea') as Element, { target: { value: '房子已经卖了' } });
    await settle(10);
    fireEvent.click(page.$('.btn-ask-erasure') as Element);
    await until(() => page.$('.erasure-pending') !== null);

    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('没处理完的报修或投诉，会先处理完再删除') }));
    expect(backend.callsTo('members.requestErasure')[0]?.input).toMatchObject({ propertyId: PROPERTY, reason: '房子已经卖了' });
    expect(page.text('.erasure-state')).toBe('您的删除申请已提交（刚刚），管理处正在处理。');
    expect(page.$('.btn-ask-erasure')).toBeNull();
    modal.mockRestore();
  });

  it('a resident who does not confirm sends nothing', async () => {
    const backend = fakeBackend({ ...sessionHandlers('resident'), 'members.myData': () => ok(held()) });
    const modal = modalAnswers(false);
    const page = await openMyData();
    fireEvent.click(page.$('.btn-ask-erasure') as Element);
    await settle();
    expect(modal).toHaveBeenCalled();
    expect(backend.callsTo('members.requestErasure')).toHaveLength(0);
    modal.mockRestore();
  });

  it('a request already made shows as pending when she comes back', async () => {
    fakeBackend({ ...sessionHandlers('resident'), 'members.myData': () => ok(held({ erasure: { status: 'pending', requestedAt: '2026-11-20T02:00:00.000Z' } })) });
    const page = await openMyData();
    expect(page.$('.erasure-pending')).not.toBeNull();
    expect(page.$('.btn-ask-erasure')).toBeNull();
  });

  it('is one tap from the resident home', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
    fakeBackend({ ...sessionHandlers('resident'), 'repairs.listMine': () => okPage([]) });
    const { container } = render(<ResidentHome />);
    await until(() => container.querySelector('.btn-my-data') !== null);
    expect(container.querySelector('.btn-my-data')?.textContent).toBe('我的个人信息');
    fireEvent.click(container.querySelector('.btn-my-data') as Element);
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/resident/my-data/index' });
    navigate.mockRestore();
  });
});

const request = (over: Partial<Erasure> = {}): Erasure => ({
  id: 'er-wang',
  name: '王秀英',
  reason: '房子已经卖了',
  status: 'pending',
  requestedAt: '2026-11-23T02:00:00.000Z',
  openTickets: 0,
  ...over,
});

const openErasures = async () => {
  const page = render(<Erasures />);
  const $ = (selector: string) => page.container.querySelector(selector);
  await until(() => $('.erasure-row') !== null || $('.list-empty') !== null);
  await settle();
  return { ...page, $, text: (selector: string) => $(selector)?.textContent ?? '' };
};

describe('删除个人信息申请: the manager carries out deletions (PIPL)', () => {
  it('the manager is told a deletion waits while tickets are open', async () => {
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'members.erasureRequests': () => okPage([request({ openTickets: 2 })]),
      'members.erase': () => ({ ok: false, code: 'PRIVACY.OPEN_TICKETS', message: '这位住户还有未完成的报修或投诉，请先处理完再删除其个人信息' }),
    });
    const modal = modalAnswers(true);
    const page = await openErasures();
    expect(page.text('#erasure-er-wang .erasure-open')).toBe('还有 2 件报修或投诉没有处理完，处理完才能删除。');
    expect(page.text('#erasure-er-wang .erasure-reason')).toBe('原因：房子已经卖了');

    fireEvent.click(page.$('#erasure-er-wang .btn-erase') as Element);
    await until(() => page.$('.erasure-problem') !== null);

    expect(backend.callsTo('members.erase')[0]?.input).toMatchObject({ propertyId: PROPERTY, erasureId: 'er-wang' });
    expect(page.text('.erasure-problem')).toBe('这位住户还有未完成的报修或投诉，请先处理完再删除其个人信息');
    expect(page.$('#erasure-er-wang')).not.toBeNull();
    modal.mockRestore();
  });

  it('the manager erases only after confirming, and the request leaves the list', async () => {
    let pending = [request()];
    const backend = fakeBackend({
      ...sessionHandlers('manager'),
      'members.erasureRequests': () => okPage(pending),
      'members.erase': () => {
        pending = [];
        return ok(request({ name: '已删除', status: 'done' }));
      },
    });
    const modal = modalAnswers(false, true);
    const page = await openErasures();

    fireEvent.click(page.$('#erasure-er-wang .btn-erase') as Element);
    await settle();
    expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('王秀英') }));
    expect(backend.callsTo('members.erase')).toHaveLength(0);

    fireEvent.click(page.$('#erasure-er-wang .btn-erase') as Element);
    await until(() => page.$('.list-empty') !== null);
    expect(backend.callsTo('members.erase')).toHaveLength(1);
    expect(page.text('.list-empty')).toBe('现在没有待处理的删除申请。住户在“我的个人信息”里申请删除后，会出现在这里。');
    modal.mockRestore();
  });
});
