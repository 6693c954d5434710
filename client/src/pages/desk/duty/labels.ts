import { fill } from '../../../i18n/ui.zh-CN';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import { formatDate, shanghaiTime } from '../../../utils/time';

/** "11月23日 早班（08:00–16:00）": the date as people say it (issue 17, 3). */
export const shiftLabel = (p: { date: string; shiftName: string; startsAt: string; endsAt: string }) =>
  fill(dutyUi.shift, { date: formatDate(p.date), name: p.shiftName, from: shanghaiTime(new Date(p.startsAt)), to: shanghaiTime(new Date(p.endsAt)) });
