import * as c from '@shared/contracts/visits.contract';
import { defineFunction, replaysFirst } from '../_shared/router';
import { book, bookHome, bookWindow, cancel, day, mine, reschedule, slots, windows } from './bookings';

/**
 * Issue 6: residents book the desk, a repair window or a home callback visit, nobody double-booked (V4).
 * Issue 16: the desk's reception log (V1 V2) and group visits (V3) are the area's part visits-reception,
 * its own deployed function; its handlers stay in this folder.
 */
export const handle = defineFunction(
  'visits',
  { slots: c.slots, windows: c.windows, book: c.book, bookWindow: c.bookWindow, bookHome: c.bookHome, reschedule: c.reschedule, cancel: c.cancel, mine: c.mine, day: c.day },
  // Issue 16: a booking reads its command's record first (replaysFirst, router.ts): one sent again must not take a place of the day.
  { slots, windows, book: replaysFirst(book), bookWindow: replaysFirst(bookWindow), bookHome: replaysFirst(bookHome), reschedule, cancel, mine, day },
);
