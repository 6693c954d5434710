import { deadlineClock } from '../time/deadline-clock';
import { shanghaiDate } from '../time/shanghai';
import { format } from './format';
import { dueWordsCatalogue as words } from './complaint-notices.zh-CN';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/**
 * "今天内", "后天10:00前", "12月9日10:00前": a deadline as a notice says it, counted from the day of
 * the notice. Midnight ends the day before (`deadlineClock`), so it reads "今天内" (issue 17, 3), never "明天00:00".
 */
export const dueWords = (by: Date, at: Date): string => {
  const { date, time } = deadlineClock(by);
  const ahead = dayNumber(date) - dayNumber(shanghaiDate(at));
  const near = ahead >= 0 ? words.days[ahead] : undefined;
  const [, m, d] = date.split('-').map(Number);
  const day = near ?? format(words.monthDay, { m: m ?? 0, d: d ?? 0 });
  return time === '24:00' ? format(words.within, { day }) : format(words.by, { day, time });
};
