import Taro from '@tarojs/taro';
import { loadSession, resetSession, sessionStore } from '../../client/src/store/session.store';
import { fakeBackend } from './support/fake-backend';
import { sessionHandlers } from './support/fixtures';
import { TransportError } from '../../client/src/api/transport';

const noNetwork = () => {
  throw new TransportError(new Error('request:fail'));
};

describe('the app opens with no signal as whoever was signed in last', () => {
  beforeEach(() => Taro.clearStorageSync());

  it('online, the context is kept; offline, the landing uses it instead of failing', async () => {
    fakeBackend(sessionHandlers('technician'));
    await loadSession();
    expect(sessionStore.get()).toMatchObject({ status: 'ready', context: { role: 'technician' } });

    fakeBackend({ 'session.me': noNetwork, 'session.context': noNetwork });
    resetSession();
    await loadSession();
    expect(sessionStore.get()).toMatchObject({ status: 'ready', context: { role: 'technician' } });
  });

  it('with no earlier session, no network is an error that says to try again', async () => {
    fakeBackend({ 'session.me': noNetwork });
    await loadSession();
    expect(sessionStore.get()).toMatchObject({ status: 'error', code: 'COMMON.BUSY' });
  });

  it('a refusal from the server is not taken for a lost signal', async () => {
    fakeBackend(sessionHandlers('technician'));
    await loadSession();
    fakeBackend({ 'session.me': () => ({ ok: false, code: 'COMMON.NOT_A_MEMBER', message: '您还不是该小区的成员' }) });
    await loadSession();
    expect(sessionStore.get()).toMatchObject({ status: 'no-membership' });
  });
});
