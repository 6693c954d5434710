/**
 * Issue 17 (3): a deadline as a wall clock in Shanghai (fixed UTC+8, as time/shanghai.ts explains; no
 * Intl, which WeChat's Android runtime ignores). A deadline at midnight ends the day before: it reads
 * "24:00" of that day ("今天 24:00"), never "00:00" of the next ("明天 00:00"), which says a day too late.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export interface DeadlineClock {
  /** The Shanghai day the deadline ends, "YYYY-MM-DD". */
  date: string;
  /** "HH:mm", from "00:01" to "24:00". */
  time: string;
}

export const deadlineClock = (instant: Date): DeadlineClock => {
  const local = new Date(instant.getTime() + OFFSET_MS);
  const hh = local.getUTCHours();
  const mm = local.getUTCMinutes();
  if (hh === 0 && mm === 0) return { date: new Date(local.getTime() - 1).toISOString().slice(0, 10), time: '24:00' };
  return { date: local.toISOString().slice(0, 10), time: `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}` };
};

/** "11-23 24:00": a deadline in a notice's short form, by the same rule. */
export const deadlineStamp = (instant: Date): string => {
  const { date, time } = deadlineClock(instant);
  return `${date.slice(5)} ${time}`;
};
