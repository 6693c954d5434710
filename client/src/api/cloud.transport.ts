import Taro from '@tarojs/taro';
import { TransportError, type Transport } from './transport';

/** Mini-program: the platform signs the call, so the function knows the caller's openid. */
export const cloudTransport: Transport = async (fn, envelope) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fn, data: { ...envelope } });
    return res.result;
  } catch (e) {
    throw new TransportError(e);
  }
};

/** The environment fixed at build time (CLOUDBASE_ENV_ID), else the one the app runs in. */
export const initCloud = () => {
  const dynamic = (Taro.cloud as unknown as { DYNAMIC_CURRENT_ENV?: string }).DYNAMIC_CURRENT_ENV;
  Taro.cloud.init({ env: CLOUD_ENV || dynamic, traceUser: true });
};
