import type { LiveHandlers } from './platform.types';

export type Unsubscribe = () => void;

export interface SignalHubDeps {
  /** Opens the live channel for these signals; answers a function that closes it. */
  open: (ids: readonly string[], on: LiveHandlers) => () => void;
  /** The current number of each of the caller's signals in a property (the fallback), or null. */
  poll: (propertyId: string) => Promise<ReadonlyArray<{ id: string; seq: number }> | null>;
  pollEveryMs: number;
  /** A burst of changes calls each listener once, this long after the last one. */
  quietMs?: number;
}

interface Subscription {
  propertyId: string;
  ids: ReadonlySet<string>;
  listener: () => void;
}

/** How long after a failure the live channel is tried again: the polling period, doubling to 16 times it. */
const retryDelay = (pollEveryMs: number, failures: number) => pollEveryMs * 2 ** Math.min(failures - 1, 4);

/**
 * One live channel for the whole app, shared by every subscriber, each listening to the signals its
 * data concerns. The channel is open only while someone listens and the app is shown; while it is
 * down the hub polls, tries the channel again, and stops polling once the channel is back.
 *
 * A listener is called when one of its signals has a number not seen before, the first number
 * included: a change may have landed between the page's first fetch and the channel opening.
 */
export const createSignalHub = ({ open, poll, pollEveryMs, quietMs = 300 }: SignalHubDeps) => {
  const subscriptions = new Set<Subscription>();
  const seen = new Map<string, number>();
  const pending = new Set<Subscription>();
  let shown = true;
  let channel: { key: string; close: () => void } | null = null;
  let failures = 0;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let quietTimer: ReturnType<typeof setTimeout> | null = null;

  const watchedIds = () => [...new Set([...subscriptions].flatMap((s) => [...s.ids]))].sort();

  const note = (id: string, seq: number) => {
    if (seen.get(id) === seq) return;
    seen.set(id, seq);
    for (const s of subscriptions) if (s.ids.has(id)) pending.add(s);
    if (pending.size === 0) return;
    if (quietTimer) clearTimeout(quietTimer);
    quietTimer = setTimeout(() => {
      quietTimer = null;
      const due = [...pending].filter((s) => subscriptions.has(s));
      pending.clear();
      due.forEach((s) => s.listener());
    }, quietMs);
  };

  const pollOnce = async () => {
    const wanted = new Set(watchedIds());
    const propertyIds = new Set([...subscriptions].map((s) => s.propertyId));
    for (const propertyId of propertyIds) {
      const signals = await poll(propertyId);
      if (!pollTimer) return;
      for (const s of signals ?? []) if (wanted.has(s.id)) note(s.id, s.seq);
    }
  };
  const startPolling = () => {
    if (pollTimer) return;
    pollTimer = setInterval(() => void pollOnce(), pollEveryMs);
    void pollOnce();
  };
  const stopPolling = () => {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
  };

  const closeChannel = () => {
    channel?.close();
    channel = null;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };

  /** Opens, reopens or closes the channel and the polling to match who listens and whether the app is shown. */
  const settle = () => {
    const ids = shown ? watchedIds() : [];
    const key = ids.join(',');
    if (ids.length === 0) {
      closeChannel();
      stopPolling();
      failures = 0;
      if (quietTimer) clearTimeout(quietTimer);
      quietTimer = null;
      pending.clear();
      return;
    }
    if (channel?.key === key || (retryTimer && !channel)) return;
    closeChannel();
    const mine: { key: string; close: () => void } = { key, close: () => undefined };
    channel = mine;
    const current = () => channel === mine;
    mine.close = open(ids, {
      note: (id, seq) => current() && note(id, seq),
      live: () => {
        if (!current()) return;
        failures = 0;
        stopPolling();
      },
      failed: () => {
        if (!current()) return;
        channel = null;
        failures += 1;
        startPolling();
        retryTimer = setTimeout(() => {
          retryTimer = null;
          settle();
        }, retryDelay(pollEveryMs, failures));
      },
    });
  };

  return {
    /** Calls `listener` when one of these signals (of this property) moves; answers how to stop. */
    subscribe: (propertyId: string, ids: readonly string[], listener: () => void): Unsubscribe => {
      const subscription: Subscription = { propertyId, ids: new Set(ids), listener };
      subscriptions.add(subscription);
      settle();
      return () => {
        subscriptions.delete(subscription);
        pending.delete(subscription);
        settle();
      };
    },
    /** The app went to the background: no channel, no polling. */
    hide: () => {
      shown = false;
      settle();
    },
    /** The app is back: the channel reopens, and its first numbers tell what moved meanwhile. */
    show: () => {
      shown = true;
      failures = 0;
      settle();
    },
  };
};

export type SignalHub = ReturnType<typeof createSignalHub>;
