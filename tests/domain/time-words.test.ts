import { atShanghai, endOfSameDay, minuteOfShanghaiDay, startOfWeek, withinDays, shanghaiDate } from '@shared/time/shanghai';
import { shiftAt } from '@shared/domain/shift.rules';
import { defaultSettings } from '@shared/model/settings.model';
import { acknowledgeDeadline, nextDeadlineStep } from '@shared/domain/deadline.rules';

describe('time words of DOMAIN.md, read in Asia/Shanghai', () => {
  it('"same day" ends at 24:00 Shanghai = 16:00 UTC: 23:59:59 is still the same day, 24:00 is the next', () => {
    const lastSecond = new Date('2026-11-23T15:59:59.000Z');
    const midnight = new Date('2026-11-23T16:00:00.000Z');
    expect(shanghaiDate(lastSecond)).toBe('2026-11-23');
    expect(shanghaiDate(midnight)).toBe('2026-11-24');
    expect(endOfSameDay(lastSecond).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(endOfSameDay(midnight).toISOString()).toBe('2026-11-24T16:00:00.000Z');
  });

  it('"same day" does not follow the server clock zone: 07:30 UTC and 17:30 UTC are different Shanghai days', () => {
    expect(shanghaiDate(new Date('2026-11-23T07:30:00Z'))).toBe('2026-11-23');
    expect(shanghaiDate(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
  });

  it('"within 2 days" of 23:30 is 48 hours later, at 23:30', () => {
    const filed = new Date('2026-11-23T15:30:00.000Z');
    expect(withinDays(filed, 2).toISOString()).toBe('2026-11-25T15:30:00.000Z');
  });

  it('the fixed +08:00 offset reads every instant from 1992 to 2040 as the Asia/Shanghai zone does (no daylight saving since 1991)', () => {
    const zone = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    const differing: string[] = [];
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2040, 0, 1); t += 29 * 60 * 60 * 1000 + 7 * 60 * 1000) {
      const instant = new Date(t);
      const part = Object.fromEntries(zone.formatToParts(instant).map((p) => [p.type, p.value]));
      const date = `${part.year}-${part.month}-${part.day}`;
      const hhmm = `${part.hour}:${part.minute}`;
      const minute = Number(part.hour) * 60 + Number(part.minute);
      const agrees = shanghaiDate(instant) === date && minuteOfShanghaiDay(instant) === minute && atShanghai(date, hhmm).getTime() === t - (t % 60000);
      if (!agrees) differing.push(instant.toISOString());
    }
    expect(differing).toEqual([]);
  });

  it('"week" starts Monday 00:00 Shanghai, even when UTC is still on Sunday', () => {
    const mondayEarly = new Date('2026-11-22T16:30:00.000Z');
    expect(startOfWeek(mondayEarly).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    const sundayLate = new Date('2026-11-22T15:59:59.000Z');
    expect(startOfWeek(sundayLate).toISOString()).toBe('2026-11-15T16:00:00.000Z');
  });
});

describe('D3: three 8-hour shifts (三八制) in Shanghai time', () => {
  const shifts = defaultSettings('p').shifts;
  it.each([
    ['2026-11-23T23:59:59Z', '夜班'],
    ['2026-11-24T00:00:00Z', '早班'],
    ['2026-11-23T07:59:59Z', '早班'],
    ['2026-11-23T08:00:00Z', '中班'],
    ['2026-11-23T15:59:59Z', '中班'],
    ['2026-11-23T16:00:00Z', '夜班'],
    ['2026-11-23T00:00:00Z', '早班'],
  ])('at %s the %s is on duty', (instant, name) => {
    expect(shiftAt(shifts, new Date(instant)).name).toBe(name);
  });
});

describe('R4: acknowledgement deadlines and an escalation ladder', () => {
  const settings = defaultSettings('p');
  const dispatchedAt = new Date('2026-11-23T02:00:00.000Z');

  it('R4: urgent orders are due in 15 minutes and warn at 80 %; normal ones in 2 hours', () => {
    const urgent = acknowledgeDeadline('urgent', settings, dispatchedAt);
    expect(urgent.dueAt.toISOString()).toBe('2026-11-23T02:15:00.000Z');
    expect(urgent.warnAt.toISOString()).toBe('2026-11-23T02:12:00.000Z');
    expect(acknowledgeDeadline('normal', settings, dispatchedAt).dueAt.toISOString()).toBe('2026-11-23T04:00:00.000Z');
  });

  it('R4: past the deadline the desk and the supervisor are both told, not an hour apart', () => {
    expect(acknowledgeDeadline('urgent', settings, dispatchedAt)).toMatchObject({ ladder: ['desk', 'supervisor'], escalateEveryMinutes: 0 });
  });

  it('R4: a per-property setting changes the deadline', () => {
    const custom = { ...settings, ackMinutes: { urgent: 10, normal: 60 } };
    expect(acknowledgeDeadline('urgent', custom, dispatchedAt).dueAt.toISOString()).toBe('2026-11-23T02:10:00.000Z');
  });

  const d = { dueAt: '2026-11-23T02:15:00.000Z', warnAt: '2026-11-23T02:12:00.000Z', ladder: ['desk', 'supervisor', 'manager'] as const, escalateEveryMinutes: 60 };
  it.each([
    ['before the warning', 0, '2026-11-23T02:11:59.999Z', 'none'],
    ['at the warning', 0, '2026-11-23T02:12:00.000Z', 'warn'],
    ['warned, not yet due', 1, '2026-11-23T02:14:59.999Z', 'none'],
    ['due', 1, '2026-11-23T02:15:00.000Z', 'escalate:desk'],
    ['never warned but already due', 0, '2026-11-23T02:20:00.000Z', 'escalate:desk'],
    ['desk told, an hour not yet past', 2, '2026-11-23T03:14:59.999Z', 'none'],
    ['desk told, an hour past', 2, '2026-11-23T03:15:00.000Z', 'escalate:supervisor'],
    ['supervisor told, two hours past', 3, '2026-11-23T04:15:00.000Z', 'escalate:manager'],
    ['top of the ladder reached', 4, '2026-11-24T00:00:00.000Z', 'none'],
  ])('a ladder an hour apart: %s → %s', (_label, step, at, expected) => {
    const out = nextDeadlineStep({ ...d, ladder: [...d.ladder], step }, new Date(at));
    expect(out.kind === 'escalate' ? `escalate:${out.to}` : out.kind).toBe(expected);
  });
});
