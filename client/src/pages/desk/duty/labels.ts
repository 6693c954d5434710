import { fill } from '../../../i18n/ui.zh-CN';
import { dutyUi } from '../../../i18n/duty.zh-CN';
import { shanghaiTime } from '../../../utils/time';

/** "2026-11-23 早班（08:00–16:00）" */
export const shiftLabel = (p: { date: string; shiftName: string; startsAt: string; endsAt: string }) =>
  fill(dutyUi.shift, { date: p.date, name: p.shiftName, from: shanghaiTime(new Date(p.startsAt)), to: shanghaiTime(new Date(p.endsAt)) });
