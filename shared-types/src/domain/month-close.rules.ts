import { inShanghai } from '../time/shanghai';

/** R11: a stored order's counting month is worked out where models may read it; the month-close rules read it there too. */
export { countingMonth } from '../time/counting-month';

/** R11: a sent-back order the supervisor approved rolls into the month after the one it counted for. */
export const nextMonth = (month: string): string => inShanghai(`${month}-15T04:00:00.000Z`).add(1, 'month').format('YYYY-MM');
