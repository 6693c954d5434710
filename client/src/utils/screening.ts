import type { ScreeningView, ScreenView } from '@shared/contracts/screening.contract';

/** Items of one ticket waiting for the desk's word, as the server marked them. */
export const awaitingItems = (screening: ScreeningView | null | undefined): number =>
  screening ? [screening.text, ...screening.photos].filter((s) => s.awaitsDesk).length : 0;

/** The desk's queue count: every item waiting across the tickets (a group counts its households'). */
export const queueHeldCount = (items: readonly { screening?: ScreeningView | null; heldItems?: number }[]): number =>
  items.reduce((n, item) => n + awaitingItems(item.screening) + (item.heldItems ?? 0), 0);

/** Worth showing the desk: what a check flagged or could not check, and whatever the desk decided. */
export const worthShowing = (s: ScreenView): boolean => s.decision !== null || (s.verdict !== 'pass' && s.verdict !== 'exempt');
