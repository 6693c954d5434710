import type { KeyViewT, LoanViewT } from '@shared/contracts/keys.contract';
import type { KeyDoc, KeyLoanDoc } from '@shared/model/key.model';
import { maskPhone } from '@shared/domain/phone';
import type { MemberDoc } from '@shared/model/member.model';

export const keyView = (k: KeyDoc): KeyViewT => ({
  id: k._id,
  kind: k.kind,
  opens: k.opens,
  label: k.label,
  set: k.set,
  depositFen: k.depositFen,
  onLoan: k.loanId !== null,
  version: k.version,
});

/** The desk side calls a borrower whose key is overdue; anyone else sees the number masked. */
const phoneFor = (phone: string, viewer: Pick<MemberDoc, 'role'>) => (viewer.role === 'desk' || viewer.role === 'supervisor' ? phone : maskPhone(phone));

/** K2: a loan as staff see it; an outside borrower's ID only ever masked (PIPL), as stored. */
export const loanView = (l: KeyLoanDoc, viewer: Pick<MemberDoc, '_id' | 'role'>): LoanViewT => ({
  id: l._id,
  keyId: l.keyId,
  keyLabel: l.keyLabel,
  kind: l.kind,
  borrower: l.borrower.type === 'staff' ? { type: 'staff', name: l.borrower.name, phone: '', idMasked: '' } : { type: l.borrower.type, name: l.borrower.name, phone: phoneFor(l.borrower.phone, viewer), idMasked: l.borrower.idMasked },
  purpose: l.purpose,
  status: l.status,
  lentAt: l.lentAt,
  lentBy: l.lentBy,
  dueBackAt: l.dueBackAt,
  signature: l.signature,
  deposit: l.deposit,
  escalated: l.escalatedAt !== null,
  returnedAt: l.returnedAt,
  returnedTo: l.returnedTo,
  depositOutcome: l.depositOutcome ? { outcome: l.depositOutcome.outcome, amountFen: l.depositOutcome.amountFen, reason: l.depositOutcome.outcome === 'kept' ? l.depositOutcome.reason : '' } : null,
  mineToSign: l.status === 'pending' && l.borrower.type === 'staff' && l.borrower.memberId === viewer._id,
  version: l.version,
});
