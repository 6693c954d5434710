import type { PreferredTime } from '@shared/model/repair.model';
import { deadlineClock } from '@shared/time/deadline-clock';
import { fill, ui } from '../i18n/ui.zh-CN';

/**
 * Shanghai wall-clock arithmetic with a fixed UTC+8 offset (China keeps no daylight saving).
 * dayjs's timezone plugin relies on Intl time zones, which WeChat's Android runtime ignores, so the
 * client reads Shanghai time this way on every platform.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Wall {
  y: number;
  m: number;
  d: number;
  hh: string;
  mm: string;
  day: number;
}

const wall = (instant: Date): Wall => {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return {
    y: local.getUTCFullYear(),
    m: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    hh: String(local.getUTCHours()).padStart(2, '0'),
    mm: String(local.getUTCMinutes()).padStart(2, '0'),
    day: Math.floor(local.getTime() / DAY_MS),
  };
};

const dayOfDate = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

/** "YYYY-MM-DD" of the Shanghai day holding `instant`, plus `addDays`. */
export const shanghaiDate = (instant: Date, addDays = 0): string =>
  new Date((wall(instant).day + addDays) * DAY_MS).toISOString().slice(0, 10);

/** "刚刚", "5分钟前", "今天 14:30", "昨天 09:10", "3天前", "11月2日". */
export const formatWhen = (iso: string, now: Date = new Date()): string => {
  const at = new Date(iso);
  const w = wall(at);
  const time = `${w.hh}:${w.mm}`;
  const ago = now.getTime() - at.getTime();
  if (ago >= 0 && ago < 60_000) return ui.time.justNow;
  if (ago >= 0 && ago < 60 * 60_000) return fill(ui.time.minutesAgo, { n: Math.floor(ago / 60_000) });
  const days = wall(now).day - w.day;
  if (days === 0) return fill(ui.time.today, { time });
  if (days === 1) return fill(ui.time.yesterday, { time });
  if (days === -1) return fill(ui.time.tomorrow, { time });
  if (days > 1 && days < 7) return fill(ui.time.daysAgo, { n: days });
  if (w.y === wall(now).y) return fill(days < 0 ? ui.time.monthDayTime : ui.time.monthDay, { m: w.m, d: w.d, time });
  return fill(ui.time.fullDate, { y: w.y, m: w.m, d: w.d });
};

/** A deadline in words, and whether they name a whole day ("今天内") rather than a moment. */
const dueWords = (iso: string, now: Date): { words: string; wholeDay: boolean } => {
  const { date, time } = deadlineClock(new Date(iso));
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ahead = dayOfDate(date) - wall(now).day;
  if (ahead === -1) return { words: fill(ui.time.yesterday, { time }), wholeDay: false };
  const near = ui.time.days[ahead];
  if (time === '24:00' && ahead >= 0) return { words: fill(ui.time.withinDay, { day: near ?? formatDate(date, now) }), wholeDay: true };
  if (ahead >= 0 && near) return { words: fill(ui.time.dayTime, { day: near, time }), wholeDay: false };
  if (y === wall(now).y) return { words: fill(ui.time.monthDayTime, { m, d, time }), wholeDay: false };
  return { words: fill(ui.time.fullDate, { y, m, d }), wholeDay: false };
};

/**
 * When something is due, to the minute: "今天 14:30", "明天 09:00", "昨天 18:00", "后天 10:00", "11月30日 14:30";
 * a deadline at midnight is the end of its day (time/deadline-clock): "今天内", "12月5日内" while it is ahead (issue 17, 3),
 * "昨天 24:00" once it has passed.
 */
export const formatDue = (iso: string, now: Date = new Date()): string => dueWords(iso, now).words;

/** "By" a deadline, for a sentence: "今天 18:00前", "今天内" (a whole day takes no 前). */
export const formatDueBy = (iso: string, now: Date = new Date()): string => {
  const { words, wholeDay } = dueWords(iso, now);
  return wholeDay ? words : fill(ui.time.before, { when: words });
};

/** A calendar date ("2026-12-05") as people say it: "12月5日", with the year only when it is not this one. */
export const formatDate = (date: string, now: Date = new Date()): string => {
  const [y, m, d] = date.split('-').map(Number);
  return y === wall(now).y ? fill(ui.time.monthDay, { m: m ?? 0, d: d ?? 0 }) : fill(ui.time.fullDate, { y: y ?? 0, m: m ?? 0, d: d ?? 0 });
};

/** "今天", "明天", "后天", else "11月30日". */
export const formatDay = (date: string, now: Date = new Date()): string => {
  const ahead = dayOfDate(date) - wall(now).day;
  const near = ui.time.days[ahead];
  return ahead >= 0 && near ? near : formatDate(date, now);
};

/** "明天上午", "11月30日晚上". */
export const formatPreferred = (preferred: PreferredTime, now: Date = new Date()): string =>
  `${formatDay(preferred.date, now)}${ui.time.slots[preferred.slot]}`;

/** "14:30": the Shanghai wall-clock time of `instant`, to the minute. */
export const shanghaiTime = (instant: Date): string => {
  const w = wall(instant);
  return `${w.hh}:${w.mm}`;
};

/** The instant of a Shanghai date and time ("2026-11-23", "14:30"), as an ISO string in UTC. */
export const shanghaiInstant = (date: string, time: string): string => new Date(Date.parse(`${date}T${time}:00+08:00`)).toISOString();

/** V4: an appointment's Shanghai day and time span: "今天 09:00-09:30", "11月30日 14:00-14:30". */
export const formatSpan = (start: string, end: string, now: Date = new Date()): string =>
  `${formatDay(shanghaiDate(new Date(start)), now)} ${shanghaiTime(new Date(start))}-${shanghaiTime(new Date(end))}`;

/** The Shanghai days from today on, `count` of them ("YYYY-MM-DD"), for picking a day. */
export const nextDays = (count: number, now: Date = new Date()): string[] => Array.from({ length: count }, (_, i) => shanghaiDate(now, i));

/** The Shanghai days from today back, `count` of them ("YYYY-MM-DD"), today first, for looking back through a log. */
export const pastDays = (count: number, now: Date = new Date()): string[] => Array.from({ length: count }, (_, i) => shanghaiDate(now, -i));

/**
 * A time of day as the desk types it — "16:30", "9:05", "16：30" (the Chinese colon) or "1630" — as
 * "HH:mm"; null when it is not one.
 */
export const parseClock = (typed: string): string | null => {
  const parts = /^(\d{1,2})[:：]?(\d{2})$/.exec(typed.trim());
  if (!parts) return null;
  const [hours, minutes] = [Number(parts[1]), Number(parts[2])];
  return hours < 24 && minutes < 60 ? `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}` : null;
};
