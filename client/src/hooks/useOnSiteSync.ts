import { useEffect, useSyncExternalStore } from 'react';
import { onSiteQueue, startOnSiteSync } from '../offline/sync';
import type { QueueState } from '../offline/command-queue';

/** The on-site command queue as it changes; mounting any technician page starts the flusher once. */
export const useOnSiteSync = (): QueueState => {
  useEffect(() => startOnSiteSync(), []);
  return useSyncExternalStore(onSiteQueue.subscribe, onSiteQueue.state, onSiteQueue.state);
};
