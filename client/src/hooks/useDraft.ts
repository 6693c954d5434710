import { useCallback, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type * as z from 'zod/mini';

/**
 * Form state that survives the page closing, the app being killed or the network dropping: every
 * change is written to local storage at once, and read back through the schema on the next visit.
 * The key is fixed for the component's life.
 */
export const useDraft = <S extends z.ZodMiniType<object>>(key: string, schema: S, initial: () => z.infer<S>) => {
  const [state, setState] = useState(() => {
    const stored = schema.safeParse(Taro.getStorageSync(key));
    return { draft: stored.success ? stored.data : initial(), restored: stored.success };
  });
  const latest = useRef(state.draft);

  const update = useCallback(
    (patch: Partial<z.infer<S>>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      Taro.setStorageSync(key, next);
      setState({ draft: next, restored: false });
    },
    [key],
  );

  const clear = useCallback(() => {
    Taro.removeStorageSync(key);
    const fresh = initial();
    latest.current = fresh;
    setState({ draft: fresh, restored: false });
  }, [key, initial]);

  return { draft: state.draft, restored: state.restored, update, clear };
};
