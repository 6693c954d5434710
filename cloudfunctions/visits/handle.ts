import type { visitsActions } from '@shared/contracts/visits.contract';
import { defineFunction } from '../_shared/router';
import * as bookings from './bookings';
import * as reception from './reception';

/** Issue 6: residents book the desk, a repair window or a home callback visit, nobody double-booked (V4); the desk's reception log (V1 V2) and group visits (V3). */
export const handle = defineFunction<typeof visitsActions>('visits', { ...bookings, ...reception });
