import { useEffect, useRef } from 'react';

/**
 * H5 scrolls each page inside Taro's page element: made focusable, so a keyboard can scroll it too
 * (axe-core's scrollable-region-focusable, https://dequeuniversity.com/rules/axe/4.10/scrollable-region-focusable).
 * Returns the ref for the page's root view.
 */
export const useFocusableScroller = () => {
  const root = useRef<{ closest?: (selector: string) => Element | null }>(null);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') root.current?.closest?.('.taro_page')?.setAttribute('tabindex', '0');
  }, []);
  return root;
};
