import type { ButtonProps, ViewProps } from '@tarojs/components';

/**
 * What puts a view or button in the browser's tab order and names it a button for screen readers (Taro's
 * H5 views and buttons are custom elements no browser focuses by itself). WeChat ignores the attributes;
 * there KeyScope keeps its own ring. `on` says a chip is chosen.
 */
export const reachable = (on?: boolean) =>
  ({ tabIndex: 0, role: 'button', ...(on === undefined ? {} : { 'aria-pressed': on }) }) as Partial<ViewProps & ButtonProps>;
