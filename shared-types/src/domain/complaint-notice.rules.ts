import type { Classification, Severity } from '../model/complaint.model';
import type { Role } from '../model/member.model';
import { withinDays } from '../time/shanghai';
import { filingPromise } from './complaint-deadline.rules';

/**
 * Issue 18 (3): what a resident is told after a step of her complaint: who handles it (by role; a
 * slip's department as the desk wrote it) and by when, as C4 and C7 set it. The words are the
 * catalogue's (`complaintNoticeLines`); this decides which line and with which facts.
 */
export type ComplaintLineKey =
  | 'received'
  | 'grouped'
  | 'general'
  | 'major'
  | 'notOurs'
  | 'assist'
  | 'slip'
  | 'acknowledged'
  | 'upgraded'
  | 'replied';

export interface ComplaintLine {
  key: ComplaintLineKey;
  /** The role that handles it from here. */
  who: Extract<Role, 'desk' | 'manager'>;
  /** The slip's department, for `slip`. */
  department?: string;
  /** When the next thing is due (ISO), null when no time limit runs or it has already passed. */
  by: string | null;
  /** When the step happened (ISO). */
  at: string;
}

/** The complaint as the rule reads it after the step. */
export interface CaseFacts {
  classification: Pick<Classification, 'class' | 'severity'> | null;
  /** The running C4 clock's end (ISO), null when none runs. */
  dueAt: string | null;
  slip: { department: string } | null;
}

export type ComplaintStep = 'file' | 'join' | 'classify' | 'issueSlip' | 'acknowledge' | 'upgrade' | 'reply';

const ahead = (by: string | null, at: Date) => (by && new Date(by) > at ? by : null);

/** C7: a handled complaint is called back within 2 days, by the manager when it was major. */
export const complaintCallbackPlan = (severity: Severity | null, handledAt: Date): { assignee: 'desk' | 'manager'; dueAt: Date } => ({
  assignee: severity === 'major' ? 'manager' : 'desk',
  dueAt: withinDays(handledAt, 2),
});

const classifiedLine = (k: CaseFacts): Pick<ComplaintLine, 'key' | 'who'> => {
  const cl = k.classification;
  if (!cl || cl.class === 'non_responsible') return { key: 'notOurs', who: 'desk' };
  if (cl.class === 'assistance') return { key: 'assist', who: 'desk' };
  return cl.severity === 'major' ? { key: 'major', who: 'manager' } : { key: 'general', who: 'desk' };
};

/**
 * C4 C7: her line for one step. Filing: the desk identifies it the same day (the confirmation page
 * says the same, from `filingPromise`). A group (C3) and a major complaint reach the manager the same
 * day; a general one is resolved by its C4 clock; assistance is answered by its clock; a
 * non-responsible one is identified by the classification itself, so no time limit follows. The
 * reply closes it, and C7's callback is what she waits for next.
 */
export const residentComplaintLine = (step: ComplaintStep, k: CaseFacts, at: Date): ComplaintLine => {
  const base = { at: at.toISOString() };
  const due = ahead(k.dueAt, at);
  switch (step) {
    case 'file': {
      const promise = filingPromise(at, null);
      return { ...base, key: 'received', who: 'desk', by: ahead(promise.identifiedBy.toISOString(), at) };
    }
    case 'join':
      return { ...base, key: 'grouped', who: 'manager', by: due };
    case 'classify': {
      const line = classifiedLine(k);
      return { ...base, ...line, by: line.key === 'notOurs' ? null : due };
    }
    case 'issueSlip':
      return { ...base, key: 'slip', who: 'desk', department: k.slip?.department ?? '', by: due };
    case 'acknowledge':
      return { ...base, key: 'acknowledged', who: 'manager', by: null };
    case 'upgrade':
      return { ...base, key: 'upgraded', who: 'manager', by: due };
    case 'reply': {
      const plan = complaintCallbackPlan(k.classification?.severity ?? null, at);
      return { ...base, key: 'replied', who: plan.assignee, by: plan.dueAt.toISOString() };
    }
  }
};
