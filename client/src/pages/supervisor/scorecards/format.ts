import { fill } from '../../../i18n/ui.zh-CN';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

/** 4.25 → "4.3": a mean with one decimal, rounded half up. */
export const oneDecimal = (value: number): string => (Math.round(value * 10) / 10).toFixed(1);

/** "4.3 分 · 12 次评价", or "暂无评价". */
export const scoreText = (mean: number | null, count: number): string =>
  mean === null ? supervisorUi.supervisor.noRatings : fill(supervisorUi.supervisor.score, { score: oneDecimal(mean), count });

/** "92%（13 单）", or "—" before any order came back. */
export const onTimeText = (rate: number | null, returned: number): string =>
  rate === null ? supervisorUi.supervisor.none : fill(supervisorUi.supervisor.onTimeValue, { rate: Math.round(rate * 100), count: returned });
