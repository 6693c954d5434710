import Taro from '@tarojs/taro';

/** Tap-to-call; the system dialog asks before dialling, so a cancel is not an error. */
export const callPhone = (phoneNumber: string) => {
  if (!phoneNumber) return;
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
};
