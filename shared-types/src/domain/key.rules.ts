import { inShanghai } from '../time/shanghai';
import type { KeyKind, KeyLoanDoc, KindCount } from '../model/key.model';

/** K2: an overdue loan is escalated to the supervisor this long after its due-back time. */
export const ESCALATE_AFTER_MINUTES = 120;

/** K2: a loan is overdue once its due-back time has passed (a key brought back at the due minute is on time). */
export const isOverdue = (loan: Pick<KeyLoanDoc, 'status' | 'dueBackAt'>, now: Date): boolean =>
  loan.status === 'lent' && now.getTime() > Date.parse(loan.dueBackAt);

/** K2: an overdue loan not yet escalated goes to the supervisor ESCALATE_AFTER_MINUTES after it was due. */
export const needsEscalation = (loan: Pick<KeyLoanDoc, 'status' | 'dueBackAt' | 'escalatedAt'>, now: Date): boolean =>
  loan.status === 'overdue' && loan.escalatedAt === null && now.getTime() >= Date.parse(loan.dueBackAt) + ESCALATE_AFTER_MINUTES * 60_000;

/** K2: a due-back time must be after the loan starts. */
export const dueBackProblem = (dueBackAt: Date, now: Date): 'KEY.DUE_BACK_PAST' | null => (dueBackAt.getTime() > now.getTime() ? null : 'KEY.DUE_BACK_PAST');

/**
 * K3: where the month's inventory stands in Asia/Shanghai: before the 25th nothing is counted;
 * 25th 00:00 to 27th 24:00 the desk counts; from the 28th the report is ready to sign (and a past
 * month's stays so).
 */
export type InventoryPhase = 'before' | 'counting' | 'report';
export const inventoryPhase = (now: Date, month = inventoryMonth(now)): InventoryPhase => {
  const current = inventoryMonth(now);
  if (month !== current) return month < current ? 'report' : 'before';
  const day = inShanghai(now).date();
  if (day < 25) return 'before';
  return day <= 27 ? 'counting' : 'report';
};

/** K3: the month an inventory belongs to, in Shanghai ("2026-11"). */
export const inventoryMonth = (now: Date): string => inShanghai(now).format('YYYY-MM');

/** K3: the reminder owed now: the desk's on the 25th–27th (counting), the supervisor's from the 28th (report), each once a month. */
export const inventoryReminder = (now: Date, reminded: { countRemindedAt: string | null; reportRemindedAt: string | null }): 'count' | 'report' | null => {
  const phase = inventoryPhase(now);
  if (phase === 'counting' && !reminded.countRemindedAt) return 'count';
  if (phase === 'report' && !reminded.reportRemindedAt) return 'report';
  return null;
};

/** K3: a count that differs from the register needs its difference explained. */
export const countProblem = (expected: number, counted: number, explanation: string): 'KEY.DIFFERENCE_UNEXPLAINED' | null =>
  expected !== counted && explanation.trim() === '' ? 'KEY.DIFFERENCE_UNEXPLAINED' : null;

/** K3: the report can be signed once every kind the register holds has been counted. */
export const uncountedKinds = (expected: Readonly<Record<KeyKind, number>>, counts: readonly Pick<KindCount, 'kind'>[]): KeyKind[] =>
  (Object.keys(expected) as KeyKind[]).filter((kind) => expected[kind] > 0 && !counts.some((c) => c.kind === kind));

/** PIPL: an ID number as it may be kept: the first character and the last four, the rest starred. */
export const maskIdNumber = (raw: string): string => {
  const id = raw.replace(/\s/g, '').toUpperCase();
  if (id.length < 6) return '';
  return `${id.slice(0, 1)}${'*'.repeat(id.length - 5)}${id.slice(-4)}`;
};
export const MASKED_ID = /^[0-9A-Z]\*{1,15}[0-9A-Z]{4}$/;

export interface DepositDay {
  receivedFen: number;
  refundedFen: number;
  keptFen: number;
  /** Deposits the desk holds at the end of the day: taken and not yet refunded or kept. */
  heldFen: number;
}

type LoanMoney = Pick<KeyLoanDoc, 'deposit' | 'depositOutcome' | 'lentDate' | 'returnedDate'>;

/**
 * K2: a Shanghai day's deposits: taken that day, refunded and kept that day, and held at the day's
 * end (taken on or before it, not settled on or before it). Amounts only from the stored loans.
 */
export const reconcileDay = (loans: readonly LoanMoney[], date: string): DepositDay => {
  const day: DepositDay = { receivedFen: 0, refundedFen: 0, keptFen: 0, heldFen: 0 };
  for (const loan of loans) {
    if (!loan.deposit) continue;
    if (loan.lentDate === date) day.receivedFen += loan.deposit.amountFen;
    const settled = loan.depositOutcome && loan.returnedDate !== null && loan.returnedDate <= date;
    if (loan.depositOutcome && loan.returnedDate === date) {
      if (loan.depositOutcome.outcome === 'refunded') day.refundedFen += loan.depositOutcome.amountFen;
      else day.keptFen += loan.depositOutcome.amountFen;
    }
    if (loan.lentDate <= date && !settled) day.heldFen += loan.deposit.amountFen;
  }
  return day;
};
