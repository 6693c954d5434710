import type { ComplaintLine } from '../domain/complaint-notice.rules';
import { cut, FIELD_LIMITS } from '../domain/subscribe-message.rules';
import { dueWords } from './due-words';
import { format } from './format';
import { complaintNoticeLines, complaintNoticeWords as words } from './complaint-notices.zh-CN';

const THING = FIELD_LIMITS.thing ?? 20;

/** Issue 18 (3): the sentence a resident reads for one step of her complaint, within a `thing` field. */
export const complaintLineText = (line: ComplaintLine): string => {
  const values = {
    who: words.who[line.who],
    when: line.by ? dueWords(new Date(line.by), new Date(line.at)) : words.soon,
  };
  const rest = [...format(complaintNoticeLines[line.key], { ...values, department: '' })].length;
  const department = cut(line.department ?? '', Math.max(1, THING - rest));
  return format(complaintNoticeLines[line.key], { ...values, department });
};
