import { useCallback, useEffect, useRef, useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import type { Action } from '@shared/contracts/action';
import type { SignalConcern } from '@shared/model/signal.model';
import { PAGE_MAX, PAGE_SIZE } from '@shared/contracts/page';
import { call, type CallFailure, type CallInput, type CallOutput } from '../api';
import { useRefreshTriggers } from './useRefreshTriggers';
import { toastError } from '../utils/toast';
import { tellRefreshFailure, type OfflineShown } from './refresh-failure';
import { queryKey } from './useAction';

type ItemOf<A extends Action> = CallOutput<A> extends { items: (infer T)[] } ? T : never;

export interface PagedRemote<T> {
  /** The items loaded so far, in the server's order; null until the first page arrives. */
  items: T[] | null;
  /** How many the whole list holds now (the server's exact count); null until known. */
  total: number | null;
  error: CallFailure | null;
  /** True until the first page arrives. */
  loading: boolean;
  /** True while the next page is on its way. */
  loadingMore: boolean;
  hasMore: boolean;
  loadMore: () => Promise<void>;
  refresh: () => Promise<void>;
  /** The last refresh failed and what is shown is older; null once one succeeds. */
  stale: CallFailure | null;
}

interface State<T> {
  key: string | null;
  items: T[] | null;
  total: number | null;
  next: string | null;
  error: CallFailure | null;
  stale?: CallFailure;
}

const none: readonly SignalConcern[] = [];
const empty = { key: null, items: null, total: null, next: null, error: null };

export interface PagedOptions extends OfflineShown {
  /** Keep reading to the end: a picker that must offer every choice. */
  all?: boolean;
  /** Items a page asks for (a page that shows only the count asks for one). */
  size?: number;
  /** Whether scrolling to the bottom of the page loads more; false for a list that is not the page's last. */
  bottom?: boolean;
  /** The signals whose moving reads the list again: the person's own, their role's; none by default. */
  live?: readonly SignalConcern[];
}

/**
 * A list read page by page: the first page when the input is known, the next one when the person
 * scrolls to the bottom (or taps 加载更多), and what is on screen again, as one page, when a
 * watched signal moves, the page is pulled down or the person comes back to it. `input` null waits.
 */
export const usePagedAction = <A extends Action>(action: A, input: CallInput<A> | null, options: PagedOptions = {}): PagedRemote<ItemOf<A>> => {
  const size = options.size ?? PAGE_SIZE;
  const key = input === null ? null : queryKey(action, input);
  const [state, setState] = useState<State<ItemOf<A>>>(empty);
  const [loadingMore, setLoadingMore] = useState(false);
  const latest = useRef({ action, input, key, state, options });
  latest.current = { action, input, key, state, options };
  const generation = useRef(0);

  const fetchPage = useCallback(async (extra: { cursor?: string; limit: number }) => {
    const { action: a, input: i } = latest.current;
    return call(a, { ...(i as object), ...extra } as unknown as CallInput<A>);
  }, []);

  const refresh = useCallback(async () => {
    const { input: i, key: k, state: shown } = latest.current;
    if (i === null) return;
    const mine = ++generation.current;
    const onScreen = shown.key === k ? (shown.items?.length ?? 0) : 0;
    const res = await fetchPage({ limit: Math.min(PAGE_MAX, Math.max(size, onScreen)) });
    if (mine !== generation.current) return;
    setLoadingMore(false);
    if (res.ok) {
      const page = res.data as { items: ItemOf<A>[]; total: number; next: string | null };
      return setState({ key: k, items: page.items, total: page.total, next: page.next, error: null });
    }
    if (shown.key === k && shown.items !== null) {
      tellRefreshFailure(res, latest.current.options);
      return setState({ ...shown, stale: res });
    }
    setState({ ...empty, key: k, error: res });
  }, [fetchPage, size]);

  const loadMore = useCallback(async () => {
    const { key: k, state: shown } = latest.current;
    if (shown.key !== k || !shown.next || !shown.items) return;
    const mine = generation.current;
    setLoadingMore(true);
    const res = await fetchPage({ cursor: shown.next, limit: size });
    if (mine !== generation.current) return;
    setLoadingMore(false);
    if (!res.ok) return res.code === 'COMMON.BAD_CURSOR' ? refresh() : toastError(res.message);
    const page = res.data as { items: ItemOf<A>[]; total: number; next: string | null };
    setState((s) => (s.key === k ? { ...s, items: [...(s.items ?? []), ...page.items], total: page.total, next: page.next } : s));
  }, [fetchPage, refresh, size]);

  useEffect(() => {
    if (key !== null) void refresh();
  }, [key, refresh]);

  useEffect(() => {
    if (options.all && state.key === key && state.next && !loadingMore) void loadMore();
  }, [options.all, state, key, loadingMore, loadMore]);

  useRefreshTriggers(refresh, options.live ?? none);
  useReachBottom(() => {
    if (options.bottom !== false) void loadMore();
  });

  const current = state.key === key;
  return {
    items: current ? state.items : null,
    total: current ? state.total : null,
    error: current ? state.error : null,
    loading: !current || key === null,
    loadingMore,
    hasMore: current && state.next !== null,
    loadMore,
    refresh,
    stale: current ? (state.stale ?? null) : null,
  };
};
