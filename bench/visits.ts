import { repairs, visits, type Action } from '@shared/contracts';
import type { Runtime } from '../local/runtime';
import type { Engine } from '../local/db';

type Call = (rt: Runtime, openid: string, action: Action, input: unknown) => Promise<Record<string, unknown>>;

const ZHANG = 'o-res-zhang';
const DESK = 'o-desk-chen';

/** The next weekday's date in Shanghai, so every default window (evening included) is on offer. */
const nextWeekday = () => {
  for (let days = 1; ; days++) {
    const local = new Date(Date.now() + 8 * 3_600_000 + days * 24 * 3_600_000);
    if (local.getUTCDay() !== 0 && local.getUTCDay() !== 6) return local.toISOString().slice(0, 10);
  }
};

/** V4: round trips of the day's slots, booking the desk, a repair's windows, booking one, moving it, and a dispatch that takes it along. */
export const visitTrips = async (rt: Runtime, engine: Engine, call: Call, cmd: () => string) => {
  const date = nextWeekday();
  const at = (hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`).toISOString();
  const measure = async (label: string, run: () => Promise<unknown>) => {
    engine.stats.reset();
    const out = await run();
    return { row: [label, engine.stats.total, Object.entries(engine.stats.byAction).map(([a, n]) => `${a.replace('database.', '')}×${n}`).join(' ')], out };
  };
  const scope = { propertyId: 'demo' };
  const rows: (string | number)[][] = [];
  rows.push((await measure('visits.slots', () => call(rt, ZHANG, visits.slots, { ...scope, date }))).row);
  rows.push((await measure('visits.book (desk)', () => call(rt, ZHANG, visits.book, { ...scope, commandId: cmd(), start: at('10:00'), roomId: 'demo:1-2-1502', topic: '咨询物业费' }))).row);
  const repair = (await call(rt, ZHANG, repairs.create, { ...scope, commandId: cmd(), roomId: 'demo:1-2-1502', category: 'electrical', description: '客厅吸顶灯想换个新的', preferredTime: null, photos: [] })) as { id: string; version: number };
  rows.push((await measure('visits.windows', () => call(rt, ZHANG, visits.windows, { ...scope, date, repairId: repair.id }))).row);
  const booked = await measure('visits.bookWindow (before dispatch)', () => call(rt, ZHANG, visits.bookWindow, { ...scope, commandId: cmd(), repairId: repair.id, start: at('18:30') }));
  rows.push(booked.row);
  const booking = booked.out as { id: string; version: number };
  rows.push(
    (await measure('visits.reschedule (window)', () => call(rt, ZHANG, visits.reschedule, { ...scope, commandId: cmd(), bookingId: booking.id, version: booking.version, start: at('14:00'), reason: '晚上不在家' }))).row,
  );
  // Booking and moving the window wrote new versions of the order (V4): the desk dispatches the one it reads.
  const current = (await call(rt, DESK, repairs.get, { ...scope, repairId: repair.id })) as { version: number };
  rows.push(
    (await measure('repairs.dispatch (takes the window to another technician)', () =>
      call(rt, DESK, repairs.dispatch, { ...scope, commandId: cmd(), repairId: repair.id, version: current.version, technicianId: 'mb_otechsun' }),
    )).row,
  );
  return rows;
};
