import type * as c from '@shared/contracts/keys.contract';
import { keyLoanMachine } from '@shared/domain/key-loan.machine';
import { dueBackProblem } from '@shared/domain/key.rules';
import { birth, transition } from '@shared/domain/state-machine';
import { ok } from '@shared/result';
import { keyLoanModel, type Borrower, type KeyLoanDoc } from '@shared/model/key.model';
import { staffRoles, type MemberDoc } from '@shared/model/member.model';
import { shanghaiDate } from '@shared/time/shanghai';
import type { ActionContext } from '../_shared/context';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { ActionFailure } from '../_shared/failures';
import { mapPage, readPage } from '../_shared/paging';
import type { Page } from '@shared/contracts/page';
import { ownsFile } from '../_shared/storage';
import { findKeyInTx, findLoan, loanIdOf, loansDueFirst, OPEN_STATUSES, openLoanInTx, readKeyInTx, writeLoanOnKey } from './keys.repo';
import type { Database, Tx } from '../_shared/database';
import { loanView } from './views';
import { activeOfRolesByName, findMember } from '../_shared/membership';

const staffBorrower = (ctx: ActionContext, found: MemberDoc | null): MemberDoc | null => {
  return found && found.propertyId === ctx.member.propertyId && found.status === 'active' && staffRoles.includes(found.role) ? found : null;
};

/**
 * K2: the desk lends a key. A contractor or resident signs on the desk's screen (the file is the
 * desk's own upload) and pays the key's deposit as the register records it; a staff member's loan
 * waits for their signature on their own phone. The key is marked out in the same write.
 */
export const lend: Handler<typeof c.lend> = /* @__PURE__ */ withPrefetch<typeof c.lend, MemberDoc | null>(
  // Issue 16: a staff borrower needs only the input: read beside the membership, checked against the caller's property below.
  (input, deps) => (input.borrower.type === 'staff' ? findMember(deps.db, input.borrower.memberId) : Promise.resolve(null)),
  async (input, ctx, staffFound) => {
  const { member, now } = ctx;
  const dueBackAt = new Date(input.dueBackAt);
  // Issue 16: the key is read once, in the transaction started with the membership; the refusals come in the order they always did.
  const { result } = await applyOnce(ctx, 'keys.lend', async (tx) => {
    const k = await findKeyInTx(tx, input.keyId);
    if (!k || k.propertyId !== member.propertyId) throw new ActionFailure('KEY.NOT_FOUND');
    if (k.loanId) throw new ActionFailure('KEY.ON_LOAN');
    const late = dueBackProblem(dueBackAt, now);
    if (late) throw new ActionFailure(late);
    let borrower: Borrower;
    if (input.borrower.type === 'staff') {
      const staff = staffBorrower(ctx, staffFound);
      if (!staff) throw new ActionFailure('KEY.BORROWER_NOT_FOUND');
      borrower = { type: 'staff', memberId: staff._id, name: staff.name };
    } else {
      if (!input.signature) throw new ActionFailure('KEY.SIGNATURE_REQUIRED');
      if (k.depositFen > 0 && !input.deposit) throw new ActionFailure('KEY.DEPOSIT_REQUIRED');
      borrower = { ...input.borrower };
    }
    if (input.signature && !ownsFile(member, input.signature)) throw new ActionFailure('KEY.FILE_NOT_YOURS');
    const outsider = borrower.type !== 'staff';
    const deposit = outsider && k.depositFen > 0 && input.deposit ? { amountFen: k.depositFen, method: input.deposit.method, receiptNo: input.deposit.receiptNo, custodian: member.name } : null;
    const action = outsider ? 'lend' : 'offer';
    const event = birth(keyLoanMachine, action, { actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    const loan: KeyLoanDoc = keyLoanModel.toStored({
      _id: loanIdOf(ctx.commandKey),
      propertyId: k.propertyId,
      keyId: k._id,
      keyLabel: k.label,
      kind: k.kind,
      borrower,
      purpose: input.purpose,
      status: event.to,
      lentAt: now.toISOString(),
      lentDate: shanghaiDate(now),
      lentBy: member.name,
      dueBackAt: dueBackAt.toISOString(),
      signature: outsider ? input.signature : null,
      deposit,
      escalatedAt: null,
      returnedAt: null,
      returnedDate: null,
      returnedTo: null,
      depositOutcome: null,
      version: event.version,
      updatedAt: now.toISOString(),
    });
    return loanView((await writeLoanOnKey(tx, k, loan, event, input.commandId)).loan, member);
  });
  return ok(result);
  },
);

/**
 * K2, issue 16: the loan a signature or a give-back names, as its key holds it. Its copy, read beside the membership,
 * names the key (a loan's key never changes); the transaction reads the key alone, on which the loan is out. A loan not
 * out on its key is closed, whatever its copy says: a copy still open is one whose close has not been written to it yet
 * (its put lands after the commit), and the caller is told the loan has changed.
 */
const namedLoanInTx = async (tx: Tx, copy: KeyLoanDoc | null, member: MemberDoc) => {
  if (!copy || copy.propertyId !== member.propertyId) throw new ActionFailure('KEY.LOAN_NOT_FOUND');
  const key = await readKeyInTx(tx, copy.keyId);
  const open = await openLoanInTx(tx, key);
  if (open?._id === copy._id) return { key, loan: open };
  if ((OPEN_STATUSES as readonly string[]).includes(copy.status)) throw new ActionFailure('COMMON.VERSION_CONFLICT');
  return { key, loan: copy };
};

/** The loan a call names, read beside the membership (issue 16): its copy, which names its key. */
const loanCopy = (input: { loanId: string }, deps: { db: Database }) => findLoan(deps.db, input.loanId);

/** K2: the staff borrower signs for the key on their own phone, with a signature they uploaded. */
export const sign: Handler<typeof c.sign> = /* @__PURE__ */ withPrefetch<typeof c.sign, KeyLoanDoc | null>(loanCopy, async (input, ctx, copy) => {
  const { member, now } = ctx;
  const { result } = await applyOnce(ctx, 'keys.sign', async (tx) => {
    const { key, loan } = await namedLoanInTx(tx, copy, member);
    if (loan.borrower.type !== 'staff' || loan.borrower.memberId !== member._id) throw new ActionFailure('KEY.NOT_YOUR_LOAN');
    if (!ownsFile(member, input.signature)) throw new ActionFailure('KEY.FILE_NOT_YOURS');
    if (loan.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const step = transition(keyLoanMachine, loan, { action: 'sign', actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (!step.ok) throw new ActionFailure('STATE.TRANSITION_NOT_ALLOWED');
    const next = { ...loan, status: step.status, version: step.version, signature: input.signature, updatedAt: now.toISOString() };
    return loanView((await writeLoanOnKey(tx, key, next, step.event, input.commandId)).loan, member);
  });
  return ok(result);
});

/**
 * K2: a key back at the desk. A loan with a deposit needs its outcome: refunded, or kept with the
 * reason; the amount is the loan's own. A staff loan never signed is cancelled instead.
 */
export const giveBack: Handler<typeof c.giveBack> = /* @__PURE__ */ withPrefetch<typeof c.giveBack, KeyLoanDoc | null>(loanCopy, async (input, ctx, copy) => {
  const { member, now } = ctx;
  const { result } = await applyOnce(ctx, 'keys.giveBack', async (tx) => {
    const { key, loan } = await namedLoanInTx(tx, copy, member);
    if (loan.deposit && !input.deposit) throw new ActionFailure('KEY.DEPOSIT_OUTCOME_REQUIRED');
    if (loan.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const action = loan.status === 'pending' ? 'cancel' : 'giveBack';
    const step = transition(keyLoanMachine, loan, { action, actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (!step.ok) throw new ActionFailure('STATE.TRANSITION_NOT_ALLOWED');
    const outcome = loan.deposit && input.deposit
      ? input.deposit.outcome === 'refunded'
        ? { outcome: 'refunded' as const, amountFen: loan.deposit.amountFen, by: member.name }
        : { outcome: 'kept' as const, amountFen: loan.deposit.amountFen, by: member.name, reason: input.deposit.reason }
      : null;
    const next: KeyLoanDoc = {
      ...loan,
      status: step.status,
      version: step.version,
      returnedAt: now.toISOString(),
      returnedDate: shanghaiDate(now),
      returnedTo: member.name,
      depositOutcome: outcome,
      updatedAt: now.toISOString(),
    };
    return loanView((await writeLoanOnKey(tx, key, next, step.event, input.commandId)).loan, member);
  });
  return ok(result);
});

/** K2: the active staff of the property, by name: who a key can be lent to on trust of their own signature. */
export const staff: Handler<typeof c.staff> = async (input, { deps }) => {
  const items = (await activeOfRolesByName(deps.db, input.propertyId, staffRoles)).flatMap((m) => (m.role === 'resident' || m.role === 'admin' ? [] : [{ memberId: m._id, name: m.name, role: m.role }]));
  return ok({ items });
};

/** K2: every loan still out in the property, the earliest due first. */
export const loans: Handler<typeof c.loans> = /* @__PURE__ */ withPrefetch<typeof c.loans, Page<KeyLoanDoc>>(
  // The page needs only the input: it is read with the caller's membership (issue 16).
  (input, deps) => readPage(deps.db, { name: 'keys.loans', sources: [loansDueFirst({ propertyId: input.propertyId, status: deps.db.command.in([...OPEN_STATUSES]) })] }, input),
  async (_input, { member }, page) => ok(mapPage(page, (l) => loanView(l, member))),
);

/** K2: the caller's own loans still out: a staff member signs for theirs here. */
export const mine: Handler<typeof c.mine> = async (input, { deps, member }) => {
  const where = { propertyId: input.propertyId, 'borrower.memberId': member._id, status: deps.db.command.in([...OPEN_STATUSES]) };
  return ok(mapPage(await readPage(deps.db, { name: 'keys.mine', sources: [loansDueFirst(where)] }, input), (l) => loanView(l, member)));
};
