import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BindingView } from '@shared/contracts/members.contract';
import Landing from '../../client/src/pages/index';
import BindRoom from '../../client/src/pages/join/bind';
import { setDevToken } from '../../client/src/api/local-auth';
import { fakeBackend, ok, settle, until, okPage } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';
import { withRouteParams } from './support/route';

const newcomer = { ...sessionHandlers('desk'), 'session.me': () => ok({ memberships: [] }) };

const binding = (over: Partial<BindingView> = {}): BindingView => ({
  id: 'bd-1',
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
const mine = (b: BindingView) => ({ ...b, propertyName: '阳光花园', deskPhone: '0571-88886666' });

const mount = async (page: JSX.Element, ready: string) => {
  const view = render(page);
  const $ = (selector: string) => view.container.querySelector(selector);
  await until(() => $(ready) !== null);
  await settle();
  const typeInto = async (selector: string, text: string) => {
    fireEvent.input($(`${selector} input`) as Element, { target: { value: text } });
    await settle(10);
  };
  const tap = async (selector: string) => {
    fireEvent.click($(selector) as Element);
    await settle();
  };
  const text = (selector: string) => $(selector)?.textContent ?? '';
  return { ...view, $, typeInto, tap, text };
};

describe('someone new: staff join by invitation, residents ask to bind a room (issue 7)', () => {
  let relaunch: jest.SpyInstance;
  let navigate: jest.SpyInstance;
  beforeEach(() => {
    setDevToken('token-new');
    withRouteParams({});
    relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
    navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  });
  afterEach(() => {
    relaunch.mockRestore();
    navigate.mockRestore();
  });

  it('a new user joins with an invitation code from the launch scene, and lands on the desk', async () => {
    withRouteParams({ scene: encodeURIComponent('inv=ABCD2345') });
    const backend = fakeBackend({
      ...newcomer,
      'members.myBindings': () => okPage([]),
      'members.join': () => ok({ propertyId: PROPERTY, propertyName: '阳光花园', memberId: 'm-new', role: 'desk', name: '陈小芳' }),
    });
    const page = await mount(<Landing />, '.join-form');

    expect((page.$('.input-join-code input') as HTMLInputElement).value).toBe('ABCD2345');
    await page.typeInto('.input-join-name', '陈小芳');
    await page.typeInto('.input-join-phone', '13900002222');
    await page.tap('.btn-join');

    await until(() => relaunch.mock.calls.length > 0);
    expect(backend.callsTo('members.join')[0]?.input).toMatchObject({ code: 'ABCD2345', name: '陈小芳', phone: '13900002222' });
    expect(backend.callsTo('session.context')[0]?.input).toEqual({ propertyId: PROPERTY });
    expect(relaunch).toHaveBeenCalledWith({ url: '/pages/desk/inbox/index' });
  });

  it('a newcomer without a code sees both ways in; a code typed wrong is refused with the server\'s words', async () => {
    const backend = fakeBackend({
      ...newcomer,
      'members.myBindings': () => okPage([]),
      'members.join': () => ({ ok: false, code: 'INVITATION.EXPIRED', message: '这个邀请码已过期，请向管理处索取新的邀请' }),
    });
    const page = await mount(<Landing />, '.btn-staff-join');
    expect(page.text('.btn-bind')).toBe('我是业主/住户：绑定房屋');
    expect(page.$('.join-form')).toBeNull();

    await page.tap('.btn-staff-join');
    await page.typeInto('.input-join-code', 'abcd-2345');
    await page.typeInto('.input-join-name', '李师傅');
    await page.typeInto('.input-join-phone', '13700003333');
    await page.tap('.btn-join');

    await until(() => page.$('.join-problem') !== null);
    expect(page.text('.join-problem')).toBe('这个邀请码已过期，请向管理处索取新的邀请');
    expect(backend.callsTo('session.context')).toHaveLength(0);
    expect(relaunch).not.toHaveBeenCalled();
  });

  it('a join form missing the name says so under the field, and sends nothing', async () => {
    withRouteParams({ inv: 'ABCD2345' });
    const backend = fakeBackend({ ...newcomer, 'members.myBindings': () => okPage([]) });
    const page = await mount(<Landing />, '.join-form');
    await page.typeInto('.input-join-phone', '13900002222');
    await page.tap('.btn-join');

    expect(page.text('.error-name')).toBe('请填写您的姓名');
    expect(backend.callsTo('members.join')).toHaveLength(0);
  });

  it('the resident\'s way in opens the bind page for the property of the scanned code', async () => {
    withRouteParams({ scene: encodeURIComponent('p=sunny') });
    fakeBackend({ ...newcomer, 'members.myBindings': () => okPage([]) });
    const page = await mount(<Landing />, '.btn-bind');
    await page.tap('.btn-bind');
    expect(navigate).toHaveBeenCalledWith({ url: '/pages/join/bind/index?p=sunny' });
  });

  it('a resident asks to bind a room and sees it pending, with the desk phone to call', async () => {
    withRouteParams({ p: PROPERTY });
    const backend = fakeBackend({
      ...newcomer,
      'members.publicInfo': () => ok({ propertyId: PROPERTY, name: '阳光花园', deskPhone: '0571-88886666' }),
      'members.requestBinding': () => ok(binding()),
    });
    const page = await mount(<BindRoom />, '.bind-property-name');
    expect(page.text('.bind-property-name')).toBe('阳光花园');
    expect(page.$('.input-property-id')).toBeNull();

    await page.typeInto('.input-bind-building', '3');
    await page.typeInto('.input-bind-unit', '2');
    await page.typeInto('.input-bind-room', '1502');
    await page.typeInto('.input-bind-name', '王秀英');
    await page.tap('#relation-owner');
    await page.typeInto('.input-bind-phone', '13800001111');
    await page.tap('.btn-submit-bind');

    await until(() => page.$('.bind-sent') !== null);
    expect(backend.callsTo('members.requestBinding')[0]?.input).toMatchObject({
      propertyId: PROPERTY,
      roomId: `${PROPERTY}:3-2-1502`,
      name: '王秀英',
      relation: 'owner',
      phone: '13800001111',
    });
    expect(page.text('.bind-sent-room')).toBe('阳光花园 3-2-1502');
    expect(page.text('.binding-status')).toBe('待审核');
    expect(page.text('.btn-call-desk')).toContain('0571-88886666');
    expect(Taro.getStorageSync('draft.bind')).toBe('');

    await page.tap('.btn-back-home');
    expect(relaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('in WeChat the phone-number button sends its one-time code instead of a typed number', async () => {
    process.env.TARO_ENV = 'weapp';
    try {
      withRouteParams({ p: PROPERTY });
      const backend = fakeBackend({
        ...newcomer,
        'members.publicInfo': () => ok({ propertyId: PROPERTY, name: '阳光花园', deskPhone: '0571-88886666' }),
        'members.requestBinding': () => ok(binding()),
      });
      const page = await mount(<BindRoom />, '.bind-property-name');
      expect(page.$('.input-bind-phone')).not.toBeNull();
      act(() => {
        page.$('.btn-phone-number')?.dispatchEvent(new CustomEvent('getphonenumber', { detail: { code: 'wx-phone-code-1' } }));
      });
      await settle();
      expect(page.$('.input-bind-phone')).toBeNull();
      expect(page.text('.phone-number-used')).toContain('将使用您微信绑定的手机号');
      await page.typeInto('.input-bind-building', '3');
      await page.typeInto('.input-bind-unit', '2');
      await page.typeInto('.input-bind-room', '1502');
      await page.typeInto('.input-bind-name', '王秀英');
      await page.tap('#relation-owner');
      await page.tap('.btn-submit-bind');
      await until(() => backend.callsTo('members.requestBinding').length > 0);
      const sent = backend.callsTo('members.requestBinding')[0]?.input as Record<string, unknown>;
      expect(sent).toMatchObject({ phoneCode: 'wx-phone-code-1' });
      expect('phone' in sent).toBe(false);
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('without a code, the resident finds the property by its id; a missing room and relation are said, not sent', async () => {
    const backend = fakeBackend({
      ...newcomer,
      'members.publicInfo': (input) =>
        input.propertyId === PROPERTY
          ? ok({ propertyId: PROPERTY, name: '阳光花园', deskPhone: '0571-88886666' })
          : { ok: false, code: 'PROPERTY.NOT_FOUND', message: '没有找到这个小区' },
    });
    const page = await mount(<BindRoom />, '.input-property-id');
    await page.typeInto('.input-property-id', 'nowhere');
    await page.tap('.btn-find-property');
    await until(() => page.$('.bind-property-problem') !== null);
    expect(page.text('.bind-property-problem')).toBe('没有找到这个小区');

    await page.typeInto('.input-property-id', PROPERTY);
    await page.tap('.btn-find-property');
    await until(() => page.$('.bind-property-name') !== null);
    await page.tap('.btn-submit-bind');

    expect(page.text('.error-roomId')).toBe('请填写楼栋、单元和房号（只填数字或字母）');
    expect(page.text('.error-relation')).toBe('请选择您和这套房子的关系');
    expect(backend.callsTo('members.requestBinding')).toHaveLength(0);
  });

  it('what she typed is still there when she comes back to the bind page', async () => {
    withRouteParams({ p: PROPERTY });
    fakeBackend({ ...newcomer, 'members.publicInfo': () => ok({ propertyId: PROPERTY, name: '阳光花园', deskPhone: '0571-88886666' }) });
    const first = await mount(<BindRoom />, '.bind-property-name');
    await first.typeInto('.input-bind-building', '3');
    await first.typeInto('.input-bind-name', '王秀英');
    first.unmount();

    const again = await mount(<BindRoom />, '.bind-property-name');
    expect((again.$('.input-bind-building input') as HTMLInputElement).value).toBe('3');
    expect((again.$('.input-bind-name input') as HTMLInputElement).value).toBe('王秀英');
    expect(again.$('.draft-restored')).not.toBeNull();
  });

  it('a pending request shows on the landing with the desk phone', async () => {
    fakeBackend({ ...newcomer, 'members.myBindings': () => okPage([mine(binding())]) });
    const page = await mount(<Landing />, '.my-binding');
    expect(page.text('.my-binding-room')).toBe('阳光花园 3-2-1502');
    expect(page.text('.my-binding .binding-status')).toBe('待审核');
    expect(page.text('.my-binding .btn-call-desk')).toContain('0571-88886666');
  });

  it('a rejected request shows its reason', async () => {
    const rejected = binding({ status: 'rejected', version: 2, reason: '房号和业主登记信息不一致，请来物业中心核对', reviewedAt: '2026-11-23T03:00:00.000Z' });
    fakeBackend({ ...newcomer, 'members.myBindings': () => okPage([mine(rejected)]) });
    const page = await mount(<Landing />, '.my-binding');
    expect(page.text('.my-binding .binding-status')).toBe('未通过');
    expect(page.text('.my-binding-reason')).toBe('未通过的原因：房号和业主登记信息不一致，请来物业中心核对');
    expect(page.text('.my-binding .btn-call-desk')).toContain('0571-88886666');
  });

  it('issue 18 (5): opened from an owner\'s link, she types only her name and phone; bound at once, she is told so and enters the app', async () => {
    withRouteParams({ p: PROPERTY, code: 'ABCD2345' });
    const backend = fakeBackend({
      ...newcomer,
      'members.publicInfo': () => ok({ propertyId: PROPERTY, name: '阳光花园', deskPhone: '0571-88886666' }),
      'members.joinRoom': () => ok(binding({ name: '孙丽', relation: 'family', status: 'approved', version: 2, reviewedAt: '2026-11-23T02:00:00.000Z', invitedBy: '王秀英' })),
    });
    const page = await mount(<BindRoom />, '.invited-form .bind-property-name');
    expect(page.$('.input-bind-building')).toBeNull();
    expect((page.$('.input-invited-code input') as HTMLInputElement).value).toBe('ABCD2345');
    await page.typeInto('.input-invited-name', '孙丽');
    await page.typeInto('.input-invited-phone', '13800009102');
    await page.tap('#btn-submit-invited');

    await until(() => page.$('.bind-sent') !== null);
    expect(backend.callsTo('members.joinRoom')[0]?.input).toEqual({ propertyId: PROPERTY, commandId: expect.any(String), deviceTime: expect.any(String), code: 'ABCD2345', name: '孙丽', phone: '13800009102' });
    expect(page.text('.bind-sent .title')).toBe('绑定成功');
    expect(page.text('.binding-status')).toBe('已通过');
    await page.tap('.btn-back-home');
    expect(relaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
    await until(() => backend.callsTo('session.context').length === 1);
    expect(backend.callsTo('session.context')[0]?.input).toEqual({ propertyId: PROPERTY });
  });

  it('issue 18 (5): a code the server refuses is said above the button; she can switch to asking on her own', async () => {
    withRouteParams({ p: PROPERTY });
    const backend = fakeBackend({
      ...newcomer,
      'members.publicInfo': () => ok({ propertyId: PROPERTY, name: '阳光花园', deskPhone: '0571-88886666' }),
      'members.joinRoom': () => ({ ok: false, code: 'INVITATION.USED', message: '这个邀请码已经用过了，请向管理处索取新的邀请' }),
    });
    const page = await mount(<BindRoom />, '.bind-property-name');
    expect(page.$('.invited-form')).toBeNull();
    await page.tap('.btn-bind-mode');
    expect(page.$('.invited-form')).not.toBeNull();
    await page.typeInto('.input-invited-code', 'abcd-2345');
    await page.typeInto('.input-invited-name', '孙丽');
    await page.typeInto('.input-invited-phone', '13800009102');
    await page.tap('#btn-submit-invited');
    await until(() => page.$('.submit-problem') !== null);
    expect(page.text('.submit-problem')).toBe('这个邀请码已经用过了，请向管理处索取新的邀请');
    expect(backend.callsTo('members.joinRoom')).toHaveLength(1);
    await page.tap('.btn-bind-mode');
    expect(page.$('.input-bind-building')).not.toBeNull();
  });
});
