import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { concernOf, type SignalConcern } from '@shared/model/signal.model';
import { signalHub } from '../api/watch';
import { useReadySession } from './useSession';

/**
 * Calls `onChange` when one of the session's signals of these concerns moves, while the page is
 * shown: a hidden page stops listening (it fetches again when shown). No concerns, no listening.
 */
export const useSignals = (concerns: readonly SignalConcern[], onChange: () => void) => {
  const context = useReadySession();
  const latest = useRef(onChange);
  latest.current = onChange;
  const [shown, setShown] = useState(true);
  useDidHide(() => setShown(false));
  useDidShow(() => setShown(true));
  const key = (context?.signals ?? []).filter((id) => concerns.includes(concernOf(id))).join(',');
  const propertyId = context?.property.propertyId ?? '';
  useEffect(() => {
    if (!shown || !propertyId || !key) return undefined;
    return signalHub.subscribe(propertyId, key.split(','), () => latest.current());
  }, [shown, key, propertyId]);
};
