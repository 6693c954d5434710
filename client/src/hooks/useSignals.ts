import { useEffect, useRef } from 'react';
import { watchSignals, type Unsubscribe } from '../api/watch';
import { useReadySession } from './useSession';

/** One live watch per set of signals, however many mounted pages listen to it. */
const hub = new Map<string, { listeners: Set<() => void>; stop: Unsubscribe }>();

const subscribe = (ids: readonly string[], propertyId: string, listener: () => void): Unsubscribe => {
  const key = `${propertyId}|${ids.join(',')}`;
  let entry = hub.get(key);
  if (!entry) {
    const listeners = new Set<() => void>();
    const stop = watchSignals(ids, () => listeners.forEach((l) => l()), propertyId);
    entry = { listeners, stop };
    hub.set(key, entry);
  }
  const { listeners } = entry;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      hub.get(key)?.stop();
      hub.delete(key);
    }
  };
};

/** Calls `onChange` whenever one of the session's signals moves. */
export const useSignals = (onChange: () => void) => {
  const context = useReadySession();
  const latest = useRef(onChange);
  latest.current = onChange;
  const ids = context?.signals ?? [];
  const key = ids.join(',');
  const propertyId = context?.property.propertyId ?? '';
  useEffect(() => {
    if (!propertyId || !key) return undefined;
    return subscribe(key.split(','), propertyId, () => latest.current());
  }, [key, propertyId]);
};
