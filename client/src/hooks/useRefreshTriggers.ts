import { useRef } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { SignalConcern } from '@shared/model/signal.model';
import { useSignals } from './useSignals';

/** What makes a page read again: one of the signals it concerns moving (`live`), a pull down, and coming back to the page. */
export const useRefreshTriggers = (refresh: () => Promise<void>, live: readonly SignalConcern[]) => {
  useSignals(live, () => void refresh());
  usePullDownRefresh(() => {
    void refresh().finally(() => Taro.stopPullDownRefresh());
  });
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void refresh();
    shown.current = true;
  });
};
