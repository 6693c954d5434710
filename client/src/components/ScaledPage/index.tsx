import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { useTextScale } from '../../hooks/useTextSize';
import { useFocusableScroller } from '../../keyboard/focusable-scroller';
import { textScaleClass } from '../../theme/text-size';

interface Props {
  className: string;
}

/**
 * A resident's or technician's page root, drawn at the person's text size (issue 18, 1): the step's class sets
 * every font variable (theme/theme.css) and, from 125 %, turns rows into one column. Real font sizes, no zoom;
 * `touch-page` keeps its targets 44 px high on a wide window too (theme/controls.css).
 * WeChat's size comes from `fontSizeScaleFactor` (api/font-scale.weapp.ts), not from
 * `<page-meta root-font-size="system">` (base library 2.11.0, https://developers.weixin.qq.com/miniprogram/dev/component/page-meta.html):
 * our sizes are rpx, which that attribute does not change, and Taro's page-meta node stopped the compiled pages
 * from mounting in miniprogram-simulate (tests/build/weapp-pages.test.ts).
 */
export default function ScaledPage({ className, children }: PropsWithChildren<Props>) {
  const scaled = textScaleClass(useTextScale());
  const root = useFocusableScroller();
  return (
    <View ref={root} className={`page touch-page ${className}${scaled ? ` ${scaled}` : ''}`}>
      {children}
    </View>
  );
}
