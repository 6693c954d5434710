import { visitsActions } from '@shared/contracts/visits.contract';
import { defineFunction, replaysFirst } from '../_shared/router';
import { book, bookHome, bookWindow, cancel, day, mine, reschedule, slots, windows } from './bookings';
import { groupVisits, log, planGroupVisit, receptionLog, writeResult } from './reception';

/** Issue 6: residents book the desk, a repair window or a home callback visit, nobody double-booked (V4); the desk's reception log (V1 V2) and group visits (V3). */
export const handle = defineFunction('visits', visitsActions, {
  slots,
  windows,
  // Issue 16: read its command's record first (replaysFirst, router.ts): a booking sent again must not take a place of the day.
  book: replaysFirst(book),
  bookWindow: replaysFirst(bookWindow),
  bookHome: replaysFirst(bookHome),
  reschedule,
  cancel,
  mine,
  day,
  log,
  writeResult,
  receptionLog,
  planGroupVisit,
  groupVisits,
});
