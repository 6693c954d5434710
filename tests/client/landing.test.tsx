import { fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Role } from '@shared/model/member.model';
import Landing from '../../client/src/pages/index';
import DevLogin from '../../client/src/pages/dev-login';
import { DEV_TOKEN_KEY, setDevToken } from '../../client/src/api/local-auth';
import { fakeBackend, ok, until } from './support/fake-backend';
import { PROPERTY, sessionHandlers } from './support/fixtures';

describe('landing: who is here, and where they go', () => {
  let relaunch: jest.SpyInstance;
  let redirect: jest.SpyInstance;
  beforeEach(() => {
    relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
    redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  });
  afterEach(() => {
    relaunch.mockRestore();
    redirect.mockRestore();
  });

  it.each<[Role, string]>([
    ['resident', '/pages/resident/home/index'],
    ['technician', '/pages/technician/orders/index'],
    ['desk', '/pages/desk/inbox/index'],
    ['supervisor', '/pages/supervisor/home/index'],
    ['manager', '/pages/supervisor/home/index'],
  ])('sends a %s to %s', async (role, url) => {
    setDevToken('token-1');
    fakeBackend(sessionHandlers(role));
    render(<Landing />);
    await until(() => relaunch.mock.calls.length > 0);
    expect(relaunch).toHaveBeenCalledWith({ url });
  });

  it('lets someone in two properties choose, and remembers the choice', async () => {
    setDevToken('token-1');
    const memberships = [
      { propertyId: PROPERTY, propertyName: '阳光花园', memberId: 'm1', role: 'desk', name: '小陈' },
      { propertyId: 'river', propertyName: '滨江苑', memberId: 'm2', role: 'desk', name: '小陈' },
    ];
    fakeBackend({ ...sessionHandlers('desk'), 'session.me': () => ok({ memberships }) });
    const { container } = render(<Landing />);
    await until(() => container.querySelectorAll('.btn-property').length === 2);

    fireEvent.click(container.querySelectorAll('.btn-property')[1] as Element);

    await until(() => relaunch.mock.calls.length > 0);
    expect(Taro.getStorageSync('propertyId')).toBe('river');
  });

  it('in the local H5 build, sends someone without a demo identity to the sign-in page', () => {
    fakeBackend(sessionHandlers('resident'));
    render(<Landing />);
    expect(redirect).toHaveBeenCalledWith({ url: '/pages/dev-login/index' });
  });
});

describe('local sign-in (H5 only)', () => {
  it('lists the demo people as big buttons and enters as the one chosen', async () => {
    const relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
    const users = [{ token: 'dG9rZW4', name: '王阿姨', role: 'resident', propertyName: '阳光花园', label: '王阿姨（住户 1-1-101）' }];
    const fetchMock = jest.fn().mockResolvedValue({ json: () => Promise.resolve(users) });
    Object.assign(globalThis, { fetch: fetchMock });
    const { container } = render(<DevLogin />);
    await until(() => container.querySelector('#dev-user-0') !== null);

    expect(fetchMock).toHaveBeenCalledWith('/api/dev/users');
    expect(container.querySelector('#dev-user-0')?.textContent).toBe('以 王阿姨（住户 1-1-101）身份进入');
    fireEvent.click(container.querySelector('#dev-user-0') as Element);

    expect(Taro.getStorageSync(DEV_TOKEN_KEY)).toBe('dG9rZW4');
    expect(relaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
    relaunch.mockRestore();
  });
});
