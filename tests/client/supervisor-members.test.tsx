import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { InvitationView, MemberView } from '@shared/contracts/members.contract';
import type { Role } from '@shared/model/member.model';
import Members from '../../client/src/pages/supervisor/members';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';

const member = (over: Partial<MemberView>): MemberView => ({
  id: 'm-x',
  role: 'desk',
  status: 'active',
  name: '某人',
  phone: '13900000000',
  skills: [],
  rooms: [],
  vip: false,
  createdAt: '2026-11-01T02:00:00.000Z',
  ...over,
});
const staff = [
  member({ id: 'm1', role: 'manager', name: '王阿姨' }),
  member({ id: 'm-chen', role: 'desk', name: '陈小芳', phone: '13900002222' }),
  member({ id: 'm-li', role: 'technician', name: '李师傅', phone: '13700003333', skills: ['plumbing'] }),
];
const invitation = (over: Partial<InvitationView> = {}): InvitationView => ({
  id: 'inv-1',
  role: 'desk',
  note: '夜班客服',
  status: 'open',
  expiresAt: '2026-11-26T02:00:00.000Z',
  createdAt: '2026-11-23T02:00:00.000Z',
  createdBy: '刘主管',
  usedBy: null,
  usedAt: null,
  ...over,
});

const backendFor = (role: Role) => {
  let open: InvitationView[] = [];
  return fakeBackend({
    ...sessionHandlers(role),
    'members.list': () => okPage(staff),
    'members.invitations': () => okPage(open),
    'members.invite': (input) => {
      const issued = invitation({ role: input.role as InvitationView['role'], note: String(input.note) });
      open = [issued];
      return ok({ ...issued, code: 'K7M2P9QX', qr: { page: 'pages/index/index', scene: 'inv=K7M2P9QX' }, qrImage: { mime: 'image/png', base64: 'iVBORw0KGgo=' } });
    },
    'members.setRole': (input) => ok({ ...staff[1], role: input.role }),
    'members.setSkills': (input) => ok({ ...staff[2], skills: input.skills }),
    'members.deactivate': () => ok({ ...staff[1], status: 'inactive' }),
  });
};

const open = async () => {
  const view = render(<Members />);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => view.container.querySelectorAll('.member-row').length === 3);
  await settle();
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  const text = (selector: string) => $(selector)?.textContent ?? '';
  return { ...view, $, tap, text };
};

describe('人员管理: invitations and the staff (issue 7)', () => {
  it('a supervisor invites a night-shift desk member for 7 days and sees the code once, big and copyable', async () => {
    const clipboard = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ data: 'K7M2P9QX', errMsg: 'setClipboardData:ok' });
    const backend = backendFor('supervisor');
    const page = await open();
    expect(page.$('#invite-role-manager')).toBeNull();
    expect(page.$('.list-empty')?.textContent).toBe('没有未使用的邀请。');

    await page.tap('#invite-role-desk');
    await page.tap('#invite-hours-168');
    fireEvent.input(page.$('.input-invite-note input') as Element, { target: { value: '夜班客服' } });
    await settle(10);
    await page.tap('.btn-invite');
    await until(() => page.$('.invite-code') !== null);

    expect(backend.callsTo('members.invite')[0]?.input).toMatchObject({ propertyId: PROPERTY, role: 'desk', hours: 168, note: '夜班客服' });
    expect(page.text('.invite-code')).toBe('K7M2P9QX');
    expect(page.text('.invite-scene')).toBe('小程序码参数：inv=K7M2P9QX');
    expect(page.$('.invite-qr')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    await until(() => page.$('.invitation-row') !== null);
    expect(page.text('.invitation-row .invitation-role')).toBe('客服接待员 · 夜班客服');

    await page.tap('.btn-copy-code');
    expect(clipboard).toHaveBeenCalledWith({ data: 'K7M2P9QX' });
    clipboard.mockRestore();
  });

  it('a supervisor sees who works here but changes nobody', async () => {
    backendFor('supervisor');
    const page = await open();
    expect(page.text('#member-m-li .member-skills')).toBe('技能：水暖');
    expect(page.$('.btn-manage')).toBeNull();
  });

  it('the manager changes a desk member\'s role and sets a technician\'s skills; not his own', async () => {
    const backend = backendFor('manager');
    const page = await open();
    expect(page.$('#member-m1 .btn-manage')).toBeNull();

    await page.tap('#member-m-chen .btn-manage');
    await page.tap('#role-m-chen-supervisor');
    await page.tap('#member-m-chen .btn-save-role');
    await until(() => backend.callsTo('members.setRole').length === 1);
    expect(backend.callsTo('members.setRole')[0]?.input).toMatchObject({ propertyId: PROPERTY, memberId: 'm-chen', role: 'supervisor' });

    await until(() => page.$('.member-editor') === null);
    await page.tap('#member-m-li .btn-manage');
    await page.tap('#member-m-li .skill-electrical');
    await page.tap('#member-m-li .btn-save-skills');
    await until(() => backend.callsTo('members.setSkills').length === 1);
    expect(backend.callsTo('members.setSkills')[0]?.input).toMatchObject({ memberId: 'm-li', skills: ['plumbing', 'electrical'] });
  });

  it('the manager deactivates someone who left, only with a reason and after confirming', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    const backend = backendFor('manager');
    const page = await open();
    await page.tap('#member-m-chen .btn-manage');

    await page.tap('#member-m-chen .btn-deactivate');
    expect(page.text('.member-problem')).toBe('请写明停用原因（至少两个字）');
    expect(modal).not.toHaveBeenCalled();

    fireEvent.input(page.$('.input-deactivate-reason textarea') as Element, { target: { value: '已离职' } });
    await settle(10);
    await page.tap('#member-m-chen .btn-deactivate');
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('陈小芳') }));
    expect(backend.callsTo('members.deactivate')).toHaveLength(0);

    modal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
    await page.tap('#member-m-chen .btn-deactivate');
    await until(() => backend.callsTo('members.deactivate').length === 1);
    expect(backend.callsTo('members.deactivate')[0]?.input).toMatchObject({ memberId: 'm-chen', reason: '已离职' });
    modal.mockRestore();
  });
});
