import type { formsActions } from '@shared/contracts/forms.contract';
import { failure } from '@shared/messages/failure';
import { format } from '@shared/messages/format';
import { formsTexts } from '@shared/messages/forms.zh-CN';
import { keysTexts } from '@shared/messages/keys.zh-CN';
import { yuan } from '@shared/domain/quote.rules';
import type * as z from 'zod/mini';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { findLoan, loanView } from '../keys/exports';
import { formSheet, when } from './layout';
import { printed, propertyName } from './printed';

const words = formsTexts.keyLoan;
const { none } = formsTexts;
const money = (fen: number) => yuan(fen);

/** What the form is made from needs only the input: read with the caller's membership (issue 16). */
const keyLoanReads = (input: z.infer<(typeof formsActions)['keyLoan']['input']>, deps: Deps) => Promise.all([findLoan(deps.db, input.loanId), propertyName(deps, input.propertyId)]);

/**
 * 钥匙借用登记表 (K2, the seed's register: staff sign, outsiders show ID, pay a deposit and sign):
 * authorised as the loans list is. Printed through the keys area's own loan view, so the borrower's
 * number is full for the desk and the supervisor, who chase an overdue key with it (K2), masked for
 * the manager; the ID number was only ever stored masked (PIPL).
 */
export const keyLoan: Handler<(typeof formsActions)['keyLoan']> = withPrefetch<(typeof formsActions)['keyLoan'], Awaited<ReturnType<typeof keyLoanReads>>>(keyLoanReads, async (input, { deps, member, now }, [loan, property]) => {
  if (!loan || loan.propertyId !== member.propertyId) return failure('KEY.LOAN_NOT_FOUND');
  const view = loanView(loan, member);
  const fileName = format(words.file, { property, label: loan.keyLabel, date: loan.lentDate });
  const staff = loan.borrower.type === 'staff';
  const signature = loan.signature ? (staff ? words.signedOnPhone : words.signedOnScreen) : words.unsigned;
  const outcome = loan.depositOutcome;
  return printed(deps, loan.propertyId, fileName, input.deliver, (book) => {
    const form = formSheet(book, { name: words.sheet, title: format(words.title, { property }), lines: [], widths: [14, 26, 14, 26], madeAt: now });
    form.pairs(words.label, loan.keyLabel, words.kind, keysTexts.kinds[loan.kind]);
    form.pairs(words.borrower, view.borrower.name, words.borrowerType, words.types[loan.borrower.type]);
    form.pairs(words.phone, view.borrower.phone || none, words.idMasked, view.borrower.idMasked || none);
    form.wide(words.purpose, loan.purpose, 2);
    form.pairs(words.lentAt, when(loan.lentAt), words.dueBackAt, when(loan.dueBackAt));
    form.pairs(words.lentBy, loan.lentBy, words.status, words.statuses[loan.status]);
    const deposit = loan.deposit;
    form.pairs(words.deposit, deposit ? format(words.depositLine, { amount: money(deposit.amountFen), method: words.methods[deposit.method] }) : none, words.receiptNo, deposit?.receiptNo ?? none);
    form.pairs(words.custodian, deposit?.custodian ?? none, words.signature, signature);
    form.pairs(words.returnedAt, loan.returnedAt ? when(loan.returnedAt) : '', words.returnedTo, loan.returnedTo ?? '');
    const outcomeText = !outcome
      ? ''
      : outcome.outcome === 'refunded'
        ? format(words.refunded, { amount: money(outcome.amountFen), by: outcome.by })
        : format(words.kept, { amount: money(outcome.amountFen), by: outcome.by, reason: outcome.reason });
    form.wide(words.outcome, outcomeText, 2);
    form.note(words.footer);
    form.finish();
  });
});
