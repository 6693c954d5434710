import type { Shift } from '../model/settings.model';
import { minuteOfShanghaiDay } from '../time/shanghai';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The shift on duty at `now` (三八制): each shift runs from its start until the next one starts,
 * in Shanghai local time, wrapping past midnight.
 */
export const shiftAt = (shifts: readonly Shift[], now: Date): Shift => {
  const sorted = [...shifts].sort((a, b) => minutes(a.start) - minutes(b.start));
  const minute = minuteOfShanghaiDay(now);
  const started = sorted.filter((s) => minutes(s.start) <= minute);
  const current = started[started.length - 1] ?? sorted[sorted.length - 1];
  if (!current) throw new Error('a property has at least one shift');
  return current;
};
