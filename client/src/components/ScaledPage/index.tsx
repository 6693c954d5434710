import { View } from '@tarojs/components';
import { useEffect, useRef, type PropsWithChildren } from 'react';
import { useTextScale } from '../../hooks/useTextSize';
import { textScaleClass } from '../../theme/text-size';

interface Props {
  className: string;
}

/**
 * H5 scrolls each page inside Taro's page element: made focusable, so a keyboard can scroll it too
 * (axe-core's scrollable-region-focusable, https://dequeuniversity.com/rules/axe/4.10/scrollable-region-focusable).
 */
const useFocusableScroller = () => {
  const root = useRef<{ closest?: (selector: string) => Element | null }>(null);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') root.current?.closest?.('.taro_page')?.setAttribute('tabindex', '0');
  }, []);
  return root;
};

/**
 * A resident's or technician's page root, drawn at the person's text size (issue 18, 1): the step's class sets
 * every font variable (theme/theme.css) and, from 125 %, turns rows into one column. Real font sizes, no zoom.
 * WeChat's size comes from `fontSizeScaleFactor` (api/font-scale.weapp.ts), not from
 * `<page-meta root-font-size="system">` (base library 2.11.0, https://developers.weixin.qq.com/miniprogram/dev/component/page-meta.html):
 * our sizes are rpx, which that attribute does not change, and Taro's page-meta node stopped the compiled pages
 * from mounting in miniprogram-simulate (tests/build/weapp-pages.test.ts).
 */
export default function ScaledPage({ className, children }: PropsWithChildren<Props>) {
  const scaled = textScaleClass(useTextScale());
  const root = useFocusableScroller();
  return (
    <View ref={root} className={`page ${className}${scaled ? ` ${scaled}` : ''}`}>
      {children}
    </View>
  );
}
