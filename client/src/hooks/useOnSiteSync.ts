import { useEffect, useSyncExternalStore } from 'react';
import { retryOf } from '@shared/contracts/errors';
import type { CallFailure } from '../api';
import { onServerNews, onSiteQueue, startOnSiteSync } from '../offline/sync';
import type { QueueState } from '../offline/command-queue';

/** The on-site command queue as it changes; mounting any technician page starts the flusher once. */
export const useOnSiteSync = (): QueueState => {
  useEffect(() => startOnSiteSync(), []);
  return useSyncExternalStore(onSiteQueue.subscribe, onSiteQueue.state, onSiteQueue.state);
};

/** Reads the page again when the server has news: for `repairId`, or for any order when none is given. */
export const useServerNews = (refresh: () => unknown, repairId?: string) => {
  useEffect(
    () =>
      onServerNews((id) => {
        if (id === null || repairId === undefined || id === repairId) void refresh();
      }),
    [refresh, repairId],
  );
};

/** No signal: the queue could not get through, or the page's own read got no reply (a transient failure). */
export const isOffline = (queue: QueueState, error: CallFailure | null): boolean =>
  queue.offline || (error !== null && retryOf(error.code) === 'transient');
