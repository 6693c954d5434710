import type { DayGroup } from '@shared/domain/day-plan.rules';
import { fill } from '../../../i18n/ui.zh-CN';
import { technicianUi } from '../../../i18n/technician.zh-CN';
import { formatDate, shanghaiDate } from '../../../utils/time';

const t = technicianUi.day;

const weekdayOf = (date: string) => t.weekdays[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';

/** "星期日": the Shanghai day the plan is for; its date stands once, in the 今天 group's title. */
export const weekdayHeader = (now: Date): string => weekdayOf(shanghaiDate(now));

/** "今天 · 12月6日", "明天 · 12月7日", "以后". */
export const groupTitle = (group: DayGroup, now: Date): string => {
  if (group === 'later') return t.groups.later;
  const date = shanghaiDate(now, group === 'today' ? 0 : 1);
  return fill(t.groupDate, { group: t.groups[group], date: formatDate(date, now) });
};
