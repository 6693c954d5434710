import Taro from '@tarojs/taro';

/** Short confirmations and errors; long Chinese sentences need the no-icon style to show in full. */
export const toastOk = (title: string) => void Taro.showToast({ title, icon: 'success', duration: 1500 }).catch(() => undefined);
export const toastError = (title: string) => void Taro.showToast({ title, icon: 'none', duration: 3000 }).catch(() => undefined);
