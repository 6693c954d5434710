import { keyIntent, type KeyIntent, type KeyPress, type KeyTarget } from './key-intent';

/** A key as the layer hears it: what it means, and the control under the browser's focus (by id). */
export interface HeardKey {
  intent: KeyIntent;
  /** Presses the control the browser's focus is on; null in PC WeChat, where the layer keeps its own ring. */
  pressFocused: (() => void) | null;
  /** Stops the browser's own handling (a page scrolled by Space, a form's own Enter). */
  handled: () => void;
}

interface WxKeys {
  onKeyDown?: (listener: (press: KeyPress) => void) => void;
  offKeyDown?: (listener: (press: KeyPress) => void) => void;
}

/**
 * PC WeChat's global key listener (base library 3.6.0, PC only; silent while an input, textarea or
 * editor has the focus, and until the person has clicked once:
 * https://developers.weixin.qq.com/miniprogram/dev/api/device/keyboard/wx.onKeyDown.html). Found by
 * looking for it: `wx.canIUse('onKeyDown')` answers false on PC WeChat where it works
 * (https://developers.weixin.qq.com/community/develop/doc/0008a485d68fd0b46f92f1d0966000).
 */
const wxKeys = (): Required<WxKeys> | null => {
  if (process.env.TARO_ENV !== 'weapp') return null;
  const wx = (globalThis as { wx?: WxKeys }).wx;
  return wx?.onKeyDown && wx.offKeyDown ? (wx as Required<WxKeys>) : null;
};

/** True where views have no tab order of their own, so the layer draws the ring (PC WeChat). */
export const keepsOwnRing = () => wxKeys() !== null;

/** A chip, tile or button made reachable (keyboard/reachable.ts). */
const CONTROL = '[role="button"]';

const targetOf = (element: Element | null): KeyTarget => {
  if (!element) return 'page';
  if (element.closest(CONTROL)) return 'control';
  if (element.closest('.keys-own-enter')) return 'own-enter';
  if (element.tagName === 'TEXTAREA') return 'text-box';
  if (element.tagName === 'INPUT') return 'text-line';
  return 'page';
};

/**
 * Listens to the keys where the app runs (PC WeChat or a browser); returns how to stop. `ringOn` says
 * whether the layer's own ring is on a control (PC WeChat), where Enter and Space press it.
 */
export const listenKeys = (hear: (key: HeardKey) => void, ringOn: () => boolean): (() => void) => {
  const wx = wxKeys();
  if (wx) {
    const listener = (press: KeyPress) => hear({ intent: keyIntent(press, ringOn() ? 'control' : 'page'), pressFocused: null, handled: () => undefined });
    wx.onKeyDown(listener);
    return () => wx.offKeyDown(listener);
  }
  if (typeof document === 'undefined') return () => undefined;
  const listener = (event: Event) => {
    // Taro's H5 fields stop their keydown and send their own "keydown" event instead, so keys are
    // heard on the way down (capture), and the fields' own events are let pass.
    if (!(event instanceof KeyboardEvent)) return;
    const focused = document.activeElement;
    const intent = keyIntent(event, targetOf(focused));
    // The browser moves the focus itself along the controls' tab order.
    if (intent === 'next' || intent === 'previous' || intent === null) return;
    const control = focused?.closest<HTMLElement>(CONTROL) ?? null;
    hear({ intent, pressFocused: control && (() => control.click()), handled: () => event.preventDefault() });
  };
  document.addEventListener('keydown', listener, true);
  return () => document.removeEventListener('keydown', listener, true);
};
