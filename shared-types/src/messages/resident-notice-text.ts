import type { ResidentLine } from '../domain/resident-notice.rules';
import { inShanghai } from '../time/shanghai';
import { format } from './format';
import * as messages from './zh-CN';
import { residentNoticeLines, residentNoticeWords as words } from './resident-notices.zh-CN';

/** "30分钟", "2小时": a promise as people say it. */
export const withinWords = (minutes: number): string =>
  minutes >= 60 && minutes % 60 === 0 ? format(words.hours, { n: minutes / 60 }) : format(words.minutes, { n: minutes });

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** "今天14:00", "明天09:00", else "11月26日14:00": the day said as she would say it, from the day of the notice. */
const comesWords = (comesAt: string, at: string): string => {
  const day = inShanghai(comesAt);
  const from = inShanghai(at).startOf('day');
  const days = day.startOf('day').diff(from, 'day');
  const when = day.format('HH:mm');
  if (days === 0) return format(words.today, { when });
  if (days === 1) return format(words.tomorrow, { when });
  return day.format('M月D日HH:mm');
};

/** Issue 18 (3): the sentence a resident reads for one step of her repair. */
export const residentLineText = (line: ResidentLine): string =>
  format(residentNoticeLines[line.key], {
    who: line.technician ? format(words.who, { name: line.technician }) : words.nobody,
    within: withinWords(line.withinMinutes ?? 0),
    comes: line.comesAt ? comesWords(line.comesAt, line.at) : '',
    time: inShanghai(line.at).format('HH:mm'),
    amount: yuan(line.amountFen ?? 0),
    priority: messages.priority[line.priority],
  });
