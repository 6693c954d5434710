import { act } from '@testing-library/react';
import { getPageInstance } from '@tarojs/runtime';

/**
 * The app and page lifecycle as Taro's H5 build delivers it: the app hides and shows with the
 * document's visibility (taro-h5 `onAppHide`/`onAppShow`); a page's `useDidHide`/`useDidShow` run from
 * its page instance, which for components rendered outside a Taro page is the hooks' app instance.
 */
const setVisibility = (state: 'hidden' | 'visible') =>
  act(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    window.dispatchEvent(new Event('visibilitychange'));
  });

export const hideApp = () => setVisibility('hidden');
export const showApp = () => setVisibility('visible');

const runPageLifecycle = (name: 'componentDidHide' | 'componentDidShow') =>
  act(() => {
    const instance = getPageInstance('taro-app') as Record<string, unknown> | undefined;
    const listeners = instance?.[name];
    const all = Array.isArray(listeners) ? listeners : typeof listeners === 'function' ? [listeners] : [];
    if (all.length === 0) throw new Error(`no ${name} listener is registered`);
    all.forEach((listener: () => void) => listener());
  });

export const hidePage = () => runPageLifecycle('componentDidHide');
export const showPage = () => runPageLifecycle('componentDidShow');
