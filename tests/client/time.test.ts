import { formatDate, formatDay, formatDue, formatDueBy, formatPreferred, formatWhen, parseClock, pastDays, shanghaiDate, shanghaiInstant, shanghaiTime } from '../../client/src/utils/time';

/** 2026-11-23 15:00 in Shanghai (07:00 UTC), a Monday. */
const now = new Date('2026-11-23T07:00:00Z');

describe('times read naturally, in Shanghai time', () => {
  it.each([
    ['2026-11-23T06:59:30Z', '刚刚'],
    ['2026-11-23T06:35:00Z', '25分钟前'],
    ['2026-11-23T01:30:00Z', '今天 09:30'],
    ['2026-11-22T16:05:00Z', '今天 00:05'],
    ['2026-11-22T15:55:00Z', '昨天 23:55'],
    ['2026-11-20T02:00:00Z', '3天前'],
    ['2026-11-24T01:00:00Z', '明天 09:00'],
    ['2026-10-02T02:00:00Z', '10月2日'],
    ['2025-12-30T02:00:00Z', '2025年12月30日'],
  ])('%s reads as %s', (iso, words) => {
    expect(formatWhen(iso, now)).toBe(words);
  });

  it.each([
    ['2026-11-23T16:00:00Z', '今天内'],
    ['2026-11-24T16:00:00Z', '明天内'],
    ['2026-11-22T16:00:00Z', '昨天 24:00'],
    ['2026-11-24T01:00:00Z', '明天 09:00'],
    ['2026-11-29T16:00:00Z', '11月29日内'],
    ['2026-12-31T16:00:00Z', '12月31日内'],
  ])('C4: the deadline %s reads as %s: at midnight it is the end of its day ("今天内" while ahead), never "明天 00:00" (issue 17, 3)', (iso, words) => {
    expect(formatDue(iso, now)).toBe(words);
  });

  it.each([
    ['2026-11-23T16:00:00Z', '今天内'],
    ['2026-11-24T10:00:00Z', '明天 18:00前'],
    ['2026-11-29T16:00:00Z', '11月29日内'],
  ])('C4: by the deadline %s reads as %s in a sentence: a whole day takes no 前 (issue 17, 3)', (iso, words) => {
    expect(formatDueBy(iso, now)).toBe(words);
  });

  it('names an appointment by day and part of day', () => {
    expect(formatPreferred({ date: '2026-11-24', slot: 'morning' }, now)).toBe('明天上午');
    expect(formatPreferred({ date: '2026-11-23', slot: 'evening' }, now)).toBe('今天晚上');
    expect(formatPreferred({ date: '2026-11-30', slot: 'afternoon' }, now)).toBe('11月30日下午');
  });

  it('says a calendar date as people do: "12月5日", the year only when it is another one (issue 17, 3)', () => {
    expect(formatDate('2026-12-05', now)).toBe('12月5日');
    expect(formatDate('2025-12-30', now)).toBe('2025年12月30日');
    expect(formatDay('2026-11-24', now)).toBe('明天');
    expect(formatDay('2026-11-22', now)).toBe('11月22日');
  });

  it('knows the Shanghai date late in the UTC day', () => {
    expect(shanghaiDate(new Date('2026-11-23T17:30:00Z'))).toBe('2026-11-24');
    expect(shanghaiDate(new Date('2026-11-23T17:30:00Z'), 1)).toBe('2026-11-25');
  });

  it('turns a Shanghai date and time into the instant, and back', () => {
    expect(shanghaiInstant('2026-11-24', '01:30')).toBe('2026-11-23T17:30:00.000Z');
    expect(shanghaiInstant('2026-11-23', '18:00')).toBe('2026-11-23T10:00:00.000Z');
    expect(shanghaiTime(new Date('2026-11-23T17:30:00Z'))).toBe('01:30');
  });

  it('looks back over the Shanghai days of a log, today first', () => {
    expect(pastDays(3, new Date('2026-11-23T17:30:00Z'))).toEqual(['2026-11-24', '2026-11-23', '2026-11-22']);
    expect(pastDays(2, new Date('2026-03-01T02:00:00Z'))).toEqual(['2026-03-01', '2026-02-28']);
  });

  it.each([
    ['16:30', '16:30'],
    ['9:05', '09:05'],
    ['16：30', '16:30'],
    ['1630', '16:30'],
    [' 08:00 ', '08:00'],
    ['24:00', null],
    ['16:60', null],
    ['4点半', null],
    ['', null],
  ])('reads the typed time %p as %p', (typed, clock) => {
    expect(parseClock(typed)).toBe(clock);
  });
});
