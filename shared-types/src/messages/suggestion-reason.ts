import { format } from './format';
import * as messages from './zh-CN';

/** The facts a technician was ranked by (R4), as `rankTechnicians` gives them. */
export interface RankFacts {
  skillMatch: boolean;
  openOrders: number;
  rating?: number | null;
}

/** R4: why a technician is suggested, in words: the desk's panel and the dispatch's logged reason say the same. */
export const suggestionReason = (s: RankFacts): string => {
  const why = messages.suggestions;
  return [
    s.skillMatch ? why.skillMatch : why.skillMismatch,
    format(why.openOrders, { n: s.openOrders }),
    s.rating === null || s.rating === undefined ? why.unrated : format(why.rating, { score: s.rating.toFixed(1) }),
  ].join('，');
};
