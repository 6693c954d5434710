import { fill, ui } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { shanghaiDate } from '../../../utils/time';

/** "11月2日" of the Shanghai day an instant falls in. */
const dayWord = (instant: number): string => {
  const [, m, d] = shanghaiDate(new Date(instant)).split('-').map(Number);
  return fill(ui.time.monthDay, { m: m ?? 0, d: d ?? 0 });
};

/** "11月2日 至 11月8日": a week of the report, from its first instant to the one just after its last day. */
export const weekLabel = (from: string, to: string): string =>
  fill(supervisorUi.callbackFigures.week, { from: dayWord(Date.parse(from)), to: dayWord(Date.parse(to) - 1) });
