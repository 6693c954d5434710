import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import * as z from 'zod/mini';
import { useReadySession } from './useSession';

const Seen = z.record(z.string(), z.string());
type Seen = z.infer<typeof Seen>;

const read = (key: string | null): Seen => {
  if (!key) return {};
  const stored = Seen.safeParse(Taro.getStorageSync(key));
  return stored.success ? stored.data : {};
};

/**
 * Issue 18 (3): which line of each notice thread the resident last saw, kept on her phone per
 * property and person (the inbox is hers; what she has read is the phone's to remember). Read
 * again whenever the page shows, so the home's badge drops once she has opened the thread.
 */
export const useSeenThreads = () => {
  const context = useReadySession();
  const key = context ? `seen.threads.${context.property.propertyId}.${context.memberId}` : null;
  const [seen, setSeen] = useState<Seen>(() => read(key));
  const reread = useCallback(() => setSeen(read(key)), [key]);
  useEffect(reread, [reread]);
  useDidShow(reread);
  const markSeen = useCallback(
    (threadKey: string, at: string) => {
      if (!key) return;
      const next = { ...read(key), [threadKey]: at };
      Taro.setStorageSync(key, next);
      setSeen(next);
    },
    [key],
  );
  return { seen, markSeen };
};
