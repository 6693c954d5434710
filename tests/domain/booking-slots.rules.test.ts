import { firstOpenDay, slotState } from '@shared/domain/booking.rules';
import { datesFrom } from '@shared/time/shanghai';

const at = (iso: string) => new Date(iso);
/** Monday 2026-11-23, 18:30 in Shanghai. */
const NOW = at('2026-11-23T18:30:00+08:00');

describe('V4 (issue 18, 2): a slot as the resident reads it', () => {
  it.each([
    ['V4: a slot that began before now is past (已过), whatever places it had', '2026-11-23T18:00:00+08:00', 2, 'past'],
    ['V4: a slot beginning this very minute is past: it can no longer be booked', '2026-11-23T18:30:00+08:00', 2, 'past'],
    ['V4: a slot ahead with no place left is full (已约满)', '2026-11-23T19:00:00+08:00', 0, 'full'],
    ['V4: a slot ahead with a place left is open', '2026-11-23T19:00:00+08:00', 1, 'open'],
    ['V4: tomorrow morning is ahead even though its Shanghai clock time is earlier than now', '2026-11-24T09:00:00+08:00', 1, 'open'],
  ] as const)('%s', (_name, start, free, state) => {
    expect(slotState({ start: at(start), free }, NOW)).toBe(state);
  });
});

describe('V4 (issue 18, 2): the booking page opens on the first day with a slot still open', () => {
  const day = (date: string, slots: [string, number][]) => ({ date, slots: slots.map(([hhmm, free]) => ({ start: at(`${date}T${hhmm}:00+08:00`), free })) });

  it.each([
    ['V4: today still has an open slot: today', [day('2026-11-23', [['19:00', 1]]), day('2026-11-24', [['09:00', 1]])], '2026-11-23'],
    ['V4: today has only past and full slots: the next day', [day('2026-11-23', [['18:00', 2], ['19:00', 0]]), day('2026-11-24', [['09:00', 1]])], '2026-11-24'],
    ['V4: a day offering no slot at all is passed over', [day('2026-11-23', []), day('2026-11-24', [['09:00', 0]]), day('2026-11-25', [['14:00', 2]])], '2026-11-25'],
    ['V4: no day has an open slot: none', [day('2026-11-23', [['19:00', 0]]), day('2026-11-24', [])], null],
  ] as const)('%s', (_name, days, expected) => {
    expect(firstOpenDay(days, NOW)?.date ?? null).toBe(expected);
  });
});

describe('Shanghai calendar dates between two days', () => {
  it.each([
    ['a week, across a month end', '2026-11-28', '2026-12-04', ['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']],
    ['one day', '2026-11-23', '2026-11-23', ['2026-11-23']],
    ['an end before the start', '2026-11-23', '2026-11-22', []],
  ] as const)('%s', (_name, from, to, expected) => {
    expect(datesFrom(from, to)).toEqual(expected);
  });
});
