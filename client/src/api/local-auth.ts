import Taro from '@tarojs/taro';

/** H5 against the local runtime only: the demo user's token, chosen on the dev sign-in page. */
export const DEV_TOKEN_KEY = 'devToken';

export const devToken = (): string => {
  const token: unknown = Taro.getStorageSync(DEV_TOKEN_KEY);
  return typeof token === 'string' ? token : '';
};

export const setDevToken = (token: string) => Taro.setStorageSync(DEV_TOKEN_KEY, token);

export const authHeader = () => ({ authorization: `Dev ${devToken()}` });
