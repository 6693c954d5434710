import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { WIDE_MIN_PX } from '../theme/wide';

const isWide = () => Taro.getWindowInfo().windowWidth >= WIDE_MIN_PX;

/**
 * True while the window is at least WIDE_MIN_PX wide, following resizes: PC WeChat reports them through
 * wx.onWindowResize once the app declares `resizable`
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/pc/index.md, 2.1), the browser through its own.
 */
export const useWideWindow = (): boolean => {
  const [wide, setWide] = useState(isWide);
  useEffect(() => {
    const follow = () => setWide(isWide());
    Taro.onWindowResize(follow);
    return () => Taro.offWindowResize(follow);
  }, []);
  return wide;
};
