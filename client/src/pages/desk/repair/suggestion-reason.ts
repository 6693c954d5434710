import type { TechnicianSuggestion } from '@shared/contracts/repairs.contract';
import type * as z from 'zod';
import { fill, ui } from '../../../i18n/ui.zh-CN';

type Suggestion = z.infer<typeof TechnicianSuggestion>;

/** R4: why a technician is suggested, said from the facts the server ranked him by. */
export const suggestionReason = (s: Suggestion): string => {
  const why = ui.desk.why;
  return [
    s.skillMatch ? why.skillMatch : why.skillMismatch,
    fill(why.openOrders, { n: s.openOrders }),
    s.rating === null || s.rating === undefined ? why.unrated : fill(why.rating, { score: s.rating.toFixed(1) }),
  ].join('，');
};
