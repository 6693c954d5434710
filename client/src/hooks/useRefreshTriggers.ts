import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useSignals } from './useSignals';

/** What makes a page read again: a watched signal moving, a pull down, and coming back to the page. */
export const useRefreshTriggers = (refresh: () => Promise<void>) => {
  useSignals(() => void refresh());
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void refresh();
    shown.current = true;
  });
};
