import { retryOf } from '@shared/contracts/errors';
import type { CallFailure } from '../api';
import { toastError } from '../utils/toast';

/** Whether a page shows "no signal" its own way (the technician's offline bar) instead of a toast. */
export interface OfflineShown {
  offlineShown?: boolean;
}

/**
 * A refresh of what is on screen failed: the screen keeps it and a toast says why, except "no
 * signal" on a page that shows that itself (issue 18, 4: the bar, not 系统繁忙, in a basement).
 */
export const tellRefreshFailure = (res: CallFailure, { offlineShown = false }: OfflineShown) => {
  if (!(offlineShown && retryOf(res.code) === 'transient')) toastError(res.message);
};
