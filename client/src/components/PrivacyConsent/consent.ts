import Taro from '@tarojs/taro';

type Answer = Parameters<Taro.onNeedPrivacyAuthorization.Listener>[0];

/** The id WeChat checks was tapped before it accepts an 'agree'. */
export const AGREE_BUTTON_ID = 'privacy-agree';

let pending: Answer | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

const answer = (option: Parameters<Answer>[0]) => {
  const resolve = pending;
  pending = null;
  notify();
  resolve?.(option);
};

/** The consent WeChat is waiting for, shared by every mounted `<PrivacyConsent />`. */
export const privacyConsent = {
  waiting: (): boolean => pending !== null,
  subscribe: (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  },
  agree: () => answer({ event: 'agree', buttonId: AGREE_BUTTON_ID }),
  disagree: () => answer({ event: 'disagree' }),
};

/**
 * WeChat only, once at start: the first camera, album, clipboard or chosen-file call waits until
 * the person answers the dialog. A page that makes such a call renders `<PrivacyConsent />`; where
 * none is on screen the call is refused rather than left waiting for an answer that cannot come.
 */
export const watchPrivacyConsent = () => {
  if (process.env.TARO_ENV !== 'weapp') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    if (listeners.size === 0) return resolve({ event: 'disagree' });
    pending = resolve;
    resolve({ event: 'exposureAuthorization' });
    notify();
  });
};
