import { useCallback, useEffect, useRef, useState } from 'react';
import type { Action } from '@shared/contracts/action';
import type { SignalConcern } from '@shared/model/signal.model';
import { call, type CallFailure, type CallInput, type CallOutput } from '../api';
import { useRefreshTriggers } from './useRefreshTriggers';
import { tellRefreshFailure, type OfflineShown } from './refresh-failure';

export interface Remote<T> {
  data: T | null;
  error: CallFailure | null;
  /** True until the first answer arrives; a refresh keeps the old data on screen. */
  loading: boolean;
  refresh: () => Promise<void>;
  /** The last refresh failed and what is shown is older; null once one succeeds. */
  stale: CallFailure | null;
}

/** The key an action's answer is cached under: the action and its input, nothing else. */
export const queryKey = (action: Action, input: unknown) => `${action.fn}.${action.name}:${JSON.stringify(input)}`;

/**
 * Reads through one action and keeps the answer fresh: again when one of the signals it concerns
 * moves (`live`: the person's own, their role's; none by default), when the page is pulled down, and
 * when the person comes back to the page. `input` null waits (no session). A failed refresh keeps
 * what is on screen and says why in a toast; a failed first load is `error`.
 */
export const useAction = <A extends Action>(action: A, input: CallInput<A> | null, live: readonly SignalConcern[] = [], options: OfflineShown = {}): Remote<CallOutput<A>> => {
  const key = input === null ? null : queryKey(action, input);
  const [state, setState] = useState<{ key: string | null; data: CallOutput<A> | null; error: CallFailure | null; stale: CallFailure | null }>({
    key: null,
    data: null,
    error: null,
    stale: null,
  });
  const latest = useRef({ action, input, key, state, options });
  latest.current = { action, input, key, state, options };
  const generation = useRef(0);

  const refresh = useCallback(async () => {
    const { action: a, input: i, key: k } = latest.current;
    if (i === null) return;
    const mine = ++generation.current;
    const res = await call(a, i);
    if (mine !== generation.current) return;
    if (res.ok) return setState({ key: k, data: res.data, error: null, stale: null });
    const { state: shown } = latest.current;
    if (shown.key === k && shown.data !== null) {
      tellRefreshFailure(res, latest.current.options);
      return setState({ ...shown, stale: res });
    }
    setState({ key: k, data: null, error: res, stale: null });
  }, []);

  useEffect(() => {
    if (key !== null) void refresh();
  }, [key, refresh]);

  useRefreshTriggers(refresh, live);

  const current = state.key === key;
  return {
    data: current ? state.data : null,
    error: current ? state.error : null,
    loading: !current || key === null,
    refresh,
    stale: current ? state.stale : null,
  };
};
