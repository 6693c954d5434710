import * as z from 'zod/mini';
import type { LogInput } from '../../../hooks/useReception';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { parseClock, shanghaiInstant } from '../../../utils/time';

export const receptionKinds = ['phone', 'walk_in'] as const;

/** What the desk has taken down of a walk-in or a call so far; kept until it is in the log. */
export const ReceptionDraft = z.object({
  kind: z.enum(receptionKinds),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  subject: z.string(),
  department: z.string(),
  responsible: z.string(),
  settled: z.boolean(),
  /** V1: the day ("YYYY-MM-DD", Shanghai) and time ("16:30" as typed) the visitor is promised an answer by. */
  replyDate: z.nullable(z.string()),
  replyTime: z.string(),
  /** Set on the first send; a second click after a dropped network resends under the same id. */
  commandId: z.nullable(z.string()),
});
export type ReceptionDraft = z.infer<typeof ReceptionDraft>;

export const receptionDraftKey = (propertyId: string, memberId: string) => `draft.reception.${propertyId}.${memberId}`;

export const emptyReceptionDraft = (): ReceptionDraft => ({
  kind: 'phone',
  name: '',
  address: '',
  phone: '',
  subject: '',
  department: '',
  responsible: '',
  settled: false,
  replyDate: null,
  replyTime: '',
  commandId: null,
});

/** V1: what was not settled on the spot needs an answer promised by a day and a time still to come. */
const replyByOf = (draft: ReceptionDraft, now: Date): { replyBy: string | null; problem: string | null } => {
  const t = deskUi.reception;
  if (draft.settled) return { replyBy: null, problem: null };
  if (!draft.replyDate || !draft.replyTime.trim()) return { replyBy: null, problem: t.fieldErrors.replyBy };
  const clock = parseClock(draft.replyTime);
  if (!clock) return { replyBy: null, problem: t.badReplyTime };
  const replyBy = shanghaiInstant(draft.replyDate, clock);
  return new Date(replyBy) <= now ? { replyBy: null, problem: t.replyPast } : { replyBy, problem: null };
};

/** The entry to send, and what is wrong with its reply time if anything; the rest is the contract's to check. */
export const entryOf = (draft: ReceptionDraft, now: Date): { entry: Omit<LogInput, 'propertyId'>; replyProblem: string | null } => {
  const { replyBy, problem } = replyByOf(draft, now);
  return {
    entry: {
      kind: draft.kind,
      name: draft.name.trim(),
      address: draft.address.trim(),
      phone: draft.phone.trim(),
      subject: draft.subject.trim(),
      department: draft.department.trim(),
      responsible: draft.responsible.trim(),
      settled: draft.settled,
      replyBy,
    },
    replyProblem: problem,
  };
};
