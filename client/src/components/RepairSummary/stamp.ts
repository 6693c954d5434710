import { fill, ui } from '../../i18n/ui.zh-CN';
import { formatWhen } from '../../utils/time';

const OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * A recorded moment that keeps its clock time ("今天 14:30", "11月20日 14:30"), for records such as
 * R8's "完工时间", where "3天前" would lose the hour.
 */
export const formatStamp = (iso: string, now: Date = new Date()): string => {
  const at = new Date(iso).getTime();
  const near = formatWhen(iso, now);
  const ago = now.getTime() - at;
  if (near.includes(':') || (ago >= 0 && ago < 60 * 60_000)) return near;
  const local = new Date(at + OFFSET_MS);
  const time = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  const m = local.getUTCMonth() + 1;
  const d = local.getUTCDate();
  const sameYear = local.getUTCFullYear() === new Date(now.getTime() + OFFSET_MS).getUTCFullYear();
  return sameYear ? fill(ui.time.monthDayTime, { m, d, time }) : `${fill(ui.time.fullDate, { y: local.getUTCFullYear(), m, d })} ${time}`;
};
