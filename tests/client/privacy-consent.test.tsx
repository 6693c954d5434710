import { act, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import PrivacyConsent from '../../client/src/components/PrivacyConsent';
import { watchPrivacyConsent } from '../../client/src/components/PrivacyConsent/consent';

type Listener = Parameters<typeof Taro.onNeedPrivacyAuthorization>[0];
type Resolve = Parameters<Listener>[0];

/** Registers the app's handler as WeChat would, and answers the handler it was given. */
const inWeChat = () => {
  let listener: Listener | null = null;
  const spy = jest.spyOn(Taro, 'onNeedPrivacyAuthorization').mockImplementation((l) => {
    listener = l;
  });
  process.env.TARO_ENV = 'weapp';
  watchPrivacyConsent();
  process.env.TARO_ENV = 'h5';
  /** A privacy API's first call: WeChat hands over `resolve` and waits. */
  const needConsent = () => {
    const resolve = jest.fn<void, Parameters<Resolve>>();
    act(() => listener?.(resolve, { referrer: 'chooseMedia' }));
    return resolve;
  };
  return { spy, needConsent };
};

describe('WeChat privacy consent (issue 7, point 6)', () => {
  it('the consent handler resolves agree only after the agree button', async () => {
    const { spy, needConsent } = inWeChat();
    const { container } = render(<PrivacyConsent />);
    expect(container.querySelector('.privacy-dialog')).toBeNull();

    const resolve = needConsent();
    expect(container.querySelector('.privacy-dialog')).not.toBeNull();
    expect(resolve.mock.calls).toEqual([[{ event: 'exposureAuthorization' }]]);

    const agree = container.querySelector('.btn-privacy-agree') as Element;
    expect(agree.getAttribute('id')).toBe('privacy-agree');
    fireEvent.click(container.querySelector('.privacy-body') as Element);
    expect(resolve).toHaveBeenCalledTimes(1);

    act(() => {
      agree.dispatchEvent(new Event('agreeprivacyauthorization'));
    });
    expect(resolve.mock.calls).toEqual([[{ event: 'exposureAuthorization' }], [{ event: 'agree', buttonId: 'privacy-agree' }]]);
    expect(container.querySelector('.privacy-dialog')).toBeNull();
    spy.mockRestore();
  });

  it('disagreeing refuses the call and closes the dialog; the guide is one tap away', async () => {
    const open = jest.spyOn(Taro, 'openPrivacyContract').mockImplementation(() => undefined);
    const { spy, needConsent } = inWeChat();
    const { container } = render(<PrivacyConsent />);
    const resolve = needConsent();

    fireEvent.click(container.querySelector('.privacy-guide') as Element);
    expect(open).toHaveBeenCalled();
    fireEvent.click(container.querySelector('.btn-privacy-disagree') as Element);

    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' });
    expect(resolve.mock.calls.some(([option]) => option.event === 'agree')).toBe(false);
    expect(container.querySelector('.privacy-dialog')).toBeNull();
    spy.mockRestore();
    open.mockRestore();
  });

  it('with no dialog on the page, the call is refused rather than left waiting', () => {
    const { spy, needConsent } = inWeChat();
    const resolve = needConsent();
    expect(resolve.mock.calls).toEqual([[{ event: 'disagree' }]]);
    spy.mockRestore();
  });

  it('registers nothing in the browser build', () => {
    const spy = jest.spyOn(Taro, 'onNeedPrivacyAuthorization');
    watchPrivacyConsent();
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });
});
