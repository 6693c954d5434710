import { keyInventoryMachine } from '@shared/domain/key-inventory.machine';
import { keyLoanMachine, type KeyLoanAction } from '@shared/domain/key-loan.machine';
import { leftKeyMachine, type LeftKeyAction } from '@shared/domain/left-key.machine';
import {
  countProblem,
  dueBackProblem,
  ESCALATE_AFTER_MINUTES,
  inventoryMonth,
  inventoryPhase,
  inventoryReminder,
  isOverdue,
  maskIdNumber,
  MASKED_ID,
  needsEscalation,
  reconcileDay,
  uncountedKinds,
} from '@shared/domain/key.rules';
import { birth, transition, type Actor } from '@shared/domain/state-machine';
import type { KeyInventoryDoc, KeyLoanDoc, LeftKeyDoc, LeftKeyStatus } from '@shared/model/key.model';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const DUE = '2026-11-23T10:00:00.000Z';
const loan = (over: Partial<KeyLoanDoc> = {}): KeyLoanDoc => ({ status: 'lent', version: 1, dueBackAt: DUE, escalatedAt: null, ...over }) as KeyLoanDoc;
const act = (l: KeyLoanDoc, action: KeyLoanAction, role: Actor, now = at('2026-11-23T12:00:00')) => transition(keyLoanMachine, l, { action, actor: 'u', role, now });

describe('K2: due back, overdue and escalation', () => {
  it('K2: a key back at the due minute is on time; one millisecond later it is overdue', () => {
    expect(isOverdue(loan(), new Date(Date.parse(DUE) - 1))).toBe(false);
    expect(isOverdue(loan(), new Date(DUE))).toBe(false);
    expect(isOverdue(loan(), new Date(Date.parse(DUE) + 1))).toBe(true);
  });

  it('K2: only a lent loan becomes overdue (one waiting for a signature, or back, does not)', () => {
    const late = new Date(Date.parse(DUE) + 3_600_000);
    for (const status of ['pending', 'returned', 'cancelled', 'overdue'] as const) expect(isOverdue(loan({ status }), late)).toBe(false);
  });

  it('K2: an overdue loan is escalated to the supervisor two hours after it was due, once', () => {
    const edge = Date.parse(DUE) + ESCALATE_AFTER_MINUTES * 60_000;
    expect(ESCALATE_AFTER_MINUTES).toBe(120);
    expect(needsEscalation(loan({ status: 'overdue' }), new Date(edge - 1))).toBe(false);
    expect(needsEscalation(loan({ status: 'overdue' }), new Date(edge))).toBe(true);
    expect(needsEscalation(loan({ status: 'overdue', escalatedAt: '2026-11-23T12:00:00.000Z' }), new Date(edge + 1))).toBe(false);
    expect(needsEscalation(loan({ status: 'lent' }), new Date(edge))).toBe(false);
  });

  it('K2: a due-back time must be after now', () => {
    const now = at('2026-11-23T10:00:00');
    expect(dueBackProblem(now, now)).toBe('KEY.DUE_BACK_PAST');
    expect(dueBackProblem(new Date(now.getTime() + 60_000), now)).toBeNull();
  });
});

describe('K2: the key loan machine', () => {
  it('K2: an outsider\'s loan is born lent by the desk; a staff loan is born waiting for their signature', () => {
    expect(birth(keyLoanMachine, 'lend', { actor: 'd', role: 'desk', now: at('2026-11-23T09:00:00') })).toMatchObject({ from: null, to: 'lent', version: 1 });
    expect(birth(keyLoanMachine, 'offer', { actor: 'd', role: 'desk', now: at('2026-11-23T09:00:00') })).toMatchObject({ from: null, to: 'pending', version: 1 });
  });

  it('K2: staff sign a pending loan; the timer alone makes a loan overdue and escalates it once; the desk takes it back', () => {
    expect(act(loan({ status: 'pending' }), 'sign', 'technician')).toMatchObject({ ok: true, status: 'lent', version: 2 });
    expect(act(loan({ status: 'pending' }), 'sign', 'resident')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(act(loan(), 'overdue', 'desk')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
    expect(act(loan(), 'overdue', 'system')).toMatchObject({ ok: true, status: 'overdue' });
    expect(act(loan({ status: 'overdue' }), 'escalate', 'system')).toMatchObject({ ok: true, status: 'overdue', version: 2 });
    expect(act(loan({ status: 'overdue', escalatedAt: DUE }), 'escalate', 'system')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    for (const status of ['lent', 'overdue'] as const) expect(act(loan({ status }), 'giveBack', 'desk')).toMatchObject({ ok: true, status: 'returned' });
    expect(act(loan({ status: 'returned' }), 'giveBack', 'desk')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(loan({ status: 'pending' }), 'giveBack', 'desk')).toEqual({ ok: false, code: 'STATE.TRANSITION_NOT_ALLOWED' });
    expect(act(loan({ status: 'pending' }), 'cancel', 'desk')).toMatchObject({ ok: true, status: 'cancelled' });
  });

  it('K2 (PIPL): an ID number is kept masked: first character and last four', () => {
    expect(maskIdNumber('110101 19900307 123x')).toBe('1*************123X');
    expect(MASKED_ID.test(maskIdNumber('110101199003071234'))).toBe(true);
    expect(MASKED_ID.test('110101199003071234')).toBe(false);
    expect(maskIdNumber('12345')).toBe('');
  });
});

describe('K2: the day\'s deposit reconciliation', () => {
  const deposit = (amountFen: number) => ({ amountFen, method: 'cash' as const, receiptNo: 'R1', custodian: '陈晓' });
  const loans = [
    { lentDate: '2026-11-22', deposit: deposit(10_000), depositOutcome: null, returnedDate: null },
    { lentDate: '2026-11-23', deposit: deposit(5_000), depositOutcome: { outcome: 'refunded' as const, amountFen: 5_000, by: '陈晓' }, returnedDate: '2026-11-23' },
    { lentDate: '2026-11-22', deposit: deposit(20_000), depositOutcome: { outcome: 'kept' as const, amountFen: 20_000, by: '陈晓', reason: '钥匙丢失' }, returnedDate: '2026-11-23' },
    { lentDate: '2026-11-23', deposit: null, depositOutcome: null, returnedDate: null },
  ];

  it('K2: taken, refunded and kept that day, and what the desk still holds at its end', () => {
    expect(reconcileDay(loans, '2026-11-23')).toEqual({ receivedFen: 5_000, refundedFen: 5_000, keptFen: 20_000, heldFen: 10_000 });
    expect(reconcileDay(loans, '2026-11-22')).toEqual({ receivedFen: 30_000, refundedFen: 0, keptFen: 0, heldFen: 30_000 });
  });
});

describe('K3: the inventory on the 25th–27th, the report on the 28th (Asia/Shanghai)', () => {
  it('K3: 24th 23:59 Shanghai is before; 25th 00:00 counting; 27th 23:59 counting; 28th 00:00 report', () => {
    expect(inventoryPhase(at('2026-11-24T23:59:59.999'))).toBe('before');
    expect(inventoryPhase(at('2026-11-25T00:00:00'))).toBe('counting');
    expect(inventoryPhase(at('2026-11-27T23:59:59.999'))).toBe('counting');
    expect(inventoryPhase(at('2026-11-28T00:00:00'))).toBe('report');
    expect(inventoryPhase(at('2026-11-30T23:59:00'))).toBe('report');
  });

  it('K3: the 25th begins at 16:00 UTC on the 24th, whatever the server\'s zone', () => {
    expect(inventoryPhase(new Date('2026-11-24T15:59:59.999Z'))).toBe('before');
    expect(inventoryPhase(new Date('2026-11-24T16:00:00.000Z'))).toBe('counting');
    expect(inventoryMonth(new Date('2026-11-30T16:00:00.000Z'))).toBe('2026-12');
  });

  it('K3: a past month\'s report stays signable; a later month has not begun', () => {
    expect(inventoryPhase(at('2026-12-02T09:00:00'), '2026-11')).toBe('report');
    expect(inventoryPhase(at('2026-11-26T09:00:00'), '2026-12')).toBe('before');
  });

  it('K3: the desk is reminded once from the 25th, the supervisor once from the 28th', () => {
    const none = { countRemindedAt: null, reportRemindedAt: null };
    expect(inventoryReminder(at('2026-11-24T23:59:00'), none)).toBeNull();
    expect(inventoryReminder(at('2026-11-25T00:00:00'), none)).toBe('count');
    expect(inventoryReminder(at('2026-11-25T00:01:00'), { ...none, countRemindedAt: '2026-11-24T16:00:00.000Z' })).toBeNull();
    expect(inventoryReminder(at('2026-11-27T23:59:00'), { ...none, countRemindedAt: '2026-11-24T16:00:00.000Z' })).toBeNull();
    expect(inventoryReminder(at('2026-11-28T00:00:00'), { ...none, countRemindedAt: '2026-11-24T16:00:00.000Z' })).toBe('report');
    expect(inventoryReminder(at('2026-11-28T08:00:00'), { countRemindedAt: 'x', reportRemindedAt: '2026-11-27T16:00:00.000Z' })).toBeNull();
  });

  it('K3: a count that differs needs its difference explained; every kind held is counted before signing', () => {
    expect(countProblem(5, 5, '')).toBeNull();
    expect(countProblem(5, 4, ' ')).toBe('KEY.DIFFERENCE_UNEXPLAINED');
    expect(countProblem(5, 4, '一把借出未还')).toBeNull();
    expect(uncountedKinds({ resident: 2, public: 1, equipment: 0, meter_box: 0 }, [{ kind: 'resident' }])).toEqual(['public']);
  });

  it('K3: counting only on the 25th–27th; signing by the supervisor only from the 28th', () => {
    const inv = { status: 'counting', version: 1, month: '2026-11' } as KeyInventoryDoc;
    const step = (action: 'count' | 'sign', role: Actor, shanghai: string) => transition(keyInventoryMachine, inv, { action, actor: 'u', role, now: at(shanghai) });
    expect(step('count', 'desk', '2026-11-24T23:59:00')).toEqual({ ok: false, code: 'STATE.TOO_EARLY' });
    expect(step('count', 'desk', '2026-11-25T00:00:00')).toMatchObject({ ok: true, status: 'counting' });
    expect(step('count', 'desk', '2026-11-28T00:00:00')).toEqual({ ok: false, code: 'STATE.TOO_LATE' });
    expect(step('sign', 'supervisor', '2026-11-27T23:59:59')).toEqual({ ok: false, code: 'STATE.TOO_EARLY' });
    expect(step('sign', 'supervisor', '2026-11-28T00:00:00')).toMatchObject({ ok: true, status: 'signed' });
    expect(step('sign', 'desk', '2026-11-28T00:00:00')).toEqual({ ok: false, code: 'STATE.ROLE_NOT_ALLOWED' });
  });
});

describe('K2: a resident\'s key left for a technician\'s visit, through its machine', () => {
  const left = (status: LeftKeyStatus, remindedAt: string | null = null) => ({ status, version: 1, remindedAt }) as LeftKeyDoc;
  const outcomeOf = (k: LeftKeyDoc, action: LeftKeyAction, role: Actor) => {
    const r = transition(leftKeyMachine, k, { action, actor: 'u', role, now: at('2026-11-23T12:00:00') });
    return r.ok ? r.status : r.code;
  };
  it.each([
    ['held', 'borrow', 'technician', 'out'],
    ['held', 'borrow', 'desk', 'STATE.ROLE_NOT_ALLOWED'],
    ['out', 'borrow', 'technician', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['out', 'bringBack', 'desk', 'back'],
    ['out', 'bringBack', 'technician', 'STATE.ROLE_NOT_ALLOWED'],
    ['out', 'giveToResident', 'desk', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['back', 'giveToResident', 'desk', 'returned'],
    ['held', 'giveToResident', 'supervisor', 'returned'],
    ['returned', 'borrow', 'technician', 'STATE.TRANSITION_NOT_ALLOWED'],
    ['out', 'remind', 'system', 'out'],
    ['returned', 'remind', 'system', 'STATE.TRANSITION_NOT_ALLOWED'],
  ] as const)('K2: %s, %s by %s → %s', (status, action, role, expected) => {
    expect(outcomeOf(left(status), action, role)).toBe(expected);
  });
  it('K2: the desk is reminded once: a reminded key is not reminded again', () => {
    expect(outcomeOf(left('held', '2026-11-23T03:00:00.000Z'), 'remind', 'system')).toBe('STATE.TRANSITION_NOT_ALLOWED');
  });
});
