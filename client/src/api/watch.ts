import Taro from '@tarojs/taro';
import * as session from '@shared/contracts/session.contract';
import { call } from './index';
import { platform } from './platform';
import { createSignalHub } from './signals';

/**
 * The app's one live watch (signals carry no data: a listener fetches again through its function).
 * CloudBase counts realtime connections against the environment's plan, and a watch has no use in
 * the background, so it closes when the app is hidden and reopens when it is shown
 * (https://cloud.tencent.com/document/product/876/41801 实时推送: 系统限制).
 */
export const signalHub = createSignalHub({
  open: platform.watch,
  poll: async (propertyId) => {
    const res = await call(session.signals, { propertyId });
    return res.ok ? res.data.signals : null;
  },
  pollEveryMs: platform.pollEveryMs,
});

Taro.onAppHide(() => signalHub.hide());
Taro.onAppShow(() => signalHub.show());
