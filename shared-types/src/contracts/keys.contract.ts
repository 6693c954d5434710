import * as z from 'zod/mini';
import { calendarDate, isoDateTime } from '../model/versioned';
import { commandFields, defineAction, DocId, scoped } from './action';
import { FileId, FileLink } from './files';
import { pageInput, pageOf } from './page';
import { MASKED_ID } from '../domain/key.rules';
import { KeyKind, KeySet, LeftKeyStatus, LoanStatus } from '../model/key.model';

const Instant = isoDateTime({ offset: true });
const MonthString = z.string().check(z.regex(/^\d{4}-\d{2}$/));
const Text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const desk = ['desk', 'supervisor'] as const;
const readers = ['desk', 'supervisor', 'manager'] as const;
const staffRoles = ['desk', 'supervisor', 'technician', 'manager'] as const;

export const KeyView = z.object({
  id: z.string(),
  kind: KeyKind,
  opens: z.string(),
  label: z.string(),
  set: KeySet,
  depositFen: z.number().check(z.int()),
  onLoan: z.boolean(),
  version: z.number().check(z.int()),
});
export type KeyViewT = z.infer<typeof KeyView>;

/** K1: a key added to the register, one by one: its kind, where it opens, its cabinet label, working or spare, its deposit. */
export const add = defineAction({
  fn: 'keys',
  name: 'add',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    kind: KeyKind,
    opens: Text(40),
    label: Text(40),
    set: KeySet,
    depositFen: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
  }),
  output: KeyView,
  roles: desk,
  write: true,
  errors: ['KEY.LABEL_TAKEN'],
});

/** K1: the register of one kind, by label. */
export const list = defineAction({
  fn: 'keys',
  name: 'list',
  input: z.strictObject({ ...scoped, kind: KeyKind, ...pageInput }),
  output: pageOf(KeyView),
  roles: readers,
  write: false,
  errors: [],
});

export const LoanView = z.object({
  id: z.string(),
  keyId: z.string(),
  keyLabel: z.string(),
  kind: KeyKind,
  borrower: z.object({ type: z.enum(['staff', 'contractor', 'resident']), name: z.string(), phone: z.string(), idMasked: z.string() }),
  purpose: z.string(),
  status: LoanStatus,
  lentAt: z.string(),
  lentBy: z.string(),
  dueBackAt: z.string(),
  signature: z.nullable(FileLink),
  deposit: z.nullable(z.object({ amountFen: z.number().check(z.int()), method: z.enum(['cash', 'transfer']), receiptNo: z.string(), custodian: z.string() })),
  escalated: z.boolean(),
  returnedAt: z.nullable(z.string()),
  returnedTo: z.nullable(z.string()),
  depositOutcome: z.nullable(z.object({ outcome: z.enum(['refunded', 'kept']), amountFen: z.number().check(z.int()), reason: z.string() })),
  /** Whether the caller is the staff borrower who still has to sign on their phone. */
  mineToSign: z.boolean(),
  version: z.number().check(z.int()),
});
export type LoanViewT = z.infer<typeof LoanView>;

const Outsider = z.strictObject({
  type: z.enum(['contractor', 'resident']),
  name: Text(40),
  phone: z.string().check(z.regex(/^[0-9+\- ]{0,20}$/)),
  /** PIPL: masked on the desk's screen before it is sent (maskIdNumber); a full number is refused. */
  idMasked: z.string().check(z.regex(MASKED_ID)),
});

/**
 * K2: a key lent: to a staff member (who then signs on their own phone), or to a contractor or
 * resident who showed ID, signed on the desk's screen and paid the key's deposit (its amount is the
 * register's, never sent). Until when, and why.
 */
export const lend = defineAction({
  fn: 'keys',
  name: 'lend',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    keyId: DocId,
    borrower: z.discriminatedUnion('type', [z.strictObject({ type: z.literal('staff'), memberId: DocId }), Outsider]),
    purpose: Text(200),
    dueBackAt: Instant,
    signature: z.nullable(FileId),
    deposit: z.nullable(z.strictObject({ method: z.enum(['cash', 'transfer']), receiptNo: Text(40) })),
  }),
  output: LoanView,
  roles: desk,
  write: true,
  errors: ['KEY.NOT_FOUND', 'KEY.ON_LOAN', 'KEY.DUE_BACK_PAST', 'KEY.BORROWER_NOT_FOUND', 'KEY.SIGNATURE_REQUIRED', 'KEY.FILE_NOT_YOURS', 'KEY.DEPOSIT_REQUIRED'],
});

/** K2: the staff a key can be lent to (they sign on their own phone), by name. */
export const staff = defineAction({
  fn: 'keys',
  name: 'staff',
  input: z.strictObject({ ...scoped }),
  output: z.object({ items: z.array(z.object({ memberId: z.string(), name: z.string(), role: z.enum(staffRoles) })) }),
  roles: desk,
  write: false,
  errors: [],
});

/** K2: the staff borrower signs for the key on their own phone. */
export const sign = defineAction({
  fn: 'keys',
  name: 'sign',
  input: z.strictObject({ ...scoped, ...commandFields, loanId: DocId, version: z.number().check(z.int(), z.positive()), signature: FileId }),
  output: LoanView,
  roles: staffRoles,
  write: true,
  errors: ['KEY.LOAN_NOT_FOUND', 'KEY.NOT_YOUR_LOAN', 'KEY.FILE_NOT_YOURS', 'STATE.TRANSITION_NOT_ALLOWED'],
});

/** K2: a key back at the desk; a deposit is refunded or kept with the reason (its amount is the loan's). */
export const giveBack = defineAction({
  fn: 'keys',
  name: 'giveBack',
  input: z.strictObject({
    ...scoped,
    ...commandFields,
    loanId: DocId,
    version: z.number().check(z.int(), z.positive()),
    deposit: z.nullable(z.discriminatedUnion('outcome', [z.strictObject({ outcome: z.literal('refunded') }), z.strictObject({ outcome: z.literal('kept'), reason: Text(200) })])),
  }),
  output: LoanView,
  roles: desk,
  write: true,
  errors: ['KEY.LOAN_NOT_FOUND', 'KEY.DEPOSIT_OUTCOME_REQUIRED', 'STATE.TRANSITION_NOT_ALLOWED'],
});

/** K2: the loans still out (waiting for a signature, lent, overdue), the earliest due first. */
export const loans = defineAction({
  fn: 'keys',
  name: 'loans',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(LoanView),
  roles: readers,
  write: false,
  errors: [],
});

/** K2: the caller's own loans still out, to sign for on their phone. */
export const mine = defineAction({
  fn: 'keys',
  name: 'mine',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(LoanView),
  roles: staffRoles,
  write: false,
  errors: [],
});

export const DepositDayView = z.object({
  date: z.string(),
  receivedFen: z.number().check(z.int()),
  refundedFen: z.number().check(z.int()),
  keptFen: z.number().check(z.int()),
  heldFen: z.number().check(z.int()),
  signed: z.nullable(z.object({ by: z.string(), at: z.string(), remarks: z.string() })),
});

/** K2: a day's deposits, reckoned from the loans: taken, refunded, kept, held; and the supervisor's signature. */
export const deposits = defineAction({
  fn: 'keys',
  name: 'deposits',
  input: z.strictObject({ ...scoped, date: calendarDate }),
  output: DepositDayView,
  roles: readers,
  write: false,
  errors: [],
});

/** K2: the supervisor signs a finished day's reconciliation (today's or earlier); the first signature stands. */
export const signDeposits = defineAction({
  fn: 'keys',
  name: 'signDeposits',
  input: z.strictObject({ ...scoped, ...commandFields, date: calendarDate, remarks: z.string().check(z.trim(), z.maxLength(200)) }),
  output: DepositDayView,
  roles: ['supervisor'],
  write: true,
  errors: ['KEY.DAY_AHEAD', 'KEY.ALREADY_SIGNED'],
});

export const InventoryView = z.object({
  month: z.string(),
  phase: z.enum(['before', 'counting', 'report']),
  status: z.enum(['not_started', 'counting', 'signed']),
  rows: z.array(z.object({ kind: KeyKind, expected: z.number().check(z.int()), counted: z.nullable(z.number().check(z.int())), explanation: z.string(), countedBy: z.nullable(z.string()) })),
  signed: z.nullable(z.object({ by: z.string(), at: z.string() })),
  version: z.number().check(z.int()),
});
export type InventoryViewT = z.infer<typeof InventoryView>;

/** K3: a month's inventory: each kind's register count beside the desk's count. */
export const inventory = defineAction({
  fn: 'keys',
  name: 'inventory',
  input: z.strictObject({ ...scoped, month: MonthString }),
  output: InventoryView,
  roles: readers,
  write: false,
  errors: [],
});

/** K3: the desk's count of one kind on the 25th–27th; a difference is explained. */
export const count = defineAction({
  fn: 'keys',
  name: 'count',
  input: z.strictObject({ ...scoped, ...commandFields, kind: KeyKind, counted: z.number().check(z.int(), z.gte(0), z.lte(10_000)), explanation: z.string().check(z.trim(), z.maxLength(200)) }),
  output: InventoryView,
  roles: desk,
  write: true,
  errors: ['KEY.DIFFERENCE_UNEXPLAINED', 'STATE.TOO_EARLY', 'STATE.TOO_LATE', 'STATE.TRANSITION_NOT_ALLOWED'],
});

/** K3: the supervisor signs the month's report from the 28th, every kind counted. */
export const signInventory = defineAction({
  fn: 'keys',
  name: 'signInventory',
  input: z.strictObject({ ...scoped, ...commandFields, month: MonthString, version: z.number().check(z.int(), z.positive()) }),
  output: InventoryView,
  roles: ['supervisor'],
  write: true,
  errors: ['KEY.INVENTORY_NOT_STARTED', 'KEY.UNCOUNTED', 'STATE.TOO_EARLY', 'STATE.TRANSITION_NOT_ALLOWED'],
});

export const LeftKeyView = z.object({
  id: z.string(),
  repairId: z.string(),
  roomLabel: z.string(),
  description: z.string(),
  leftBy: z.string(),
  technician: z.string(),
  status: LeftKeyStatus,
  receivedBy: z.string(),
  createdAt: z.string(),
  borrowedAt: z.nullable(z.string()),
  returnedTo: z.nullable(z.string()),
  /** Whether the caller is the technician it was left for, and may sign for it now. */
  mineToBorrow: z.boolean(),
  version: z.number().check(z.int()),
});
export type LeftKeyViewT = z.infer<typeof LeftKeyView>;

/** K2: the desk records a resident's key left for a named technician's visit on a repair. */
export const leaveKey = defineAction({
  fn: 'keys',
  name: 'leaveKey',
  input: z.strictObject({ ...scoped, ...commandFields, repairId: DocId, technicianId: DocId, keys: Text(60), leftBy: Text(40) }),
  output: LeftKeyView,
  roles: desk,
  write: true,
  errors: ['KEY.REPAIR_NOT_FOUND', 'KEY.PUBLIC_PLACE', 'KEY.BORROWER_NOT_FOUND'],
});

/** K2: the technician it was left for signs for it on his phone; nobody else may. */
export const borrowLeft = defineAction({
  fn: 'keys',
  name: 'borrowLeft',
  input: z.strictObject({ ...scoped, ...commandFields, leftKeyId: DocId, version: z.number().check(z.int(), z.positive()), signature: FileId }),
  output: LeftKeyView,
  roles: ['technician'],
  write: true,
  errors: ['KEY.LEFT_NOT_FOUND', 'KEY.NOT_YOUR_LOAN', 'KEY.FILE_NOT_YOURS', 'STATE.TRANSITION_NOT_ALLOWED'],
});

/** K2: the technician's key back at the desk. */
export const bringBackLeft = defineAction({
  fn: 'keys',
  name: 'bringBackLeft',
  input: z.strictObject({ ...scoped, ...commandFields, leftKeyId: DocId, version: z.number().check(z.int(), z.positive()) }),
  output: LeftKeyView,
  roles: desk,
  write: true,
  errors: ['KEY.LEFT_NOT_FOUND', 'STATE.TRANSITION_NOT_ALLOWED'],
});

/** K2: the key given back to the resident (to whom, by name), once the order is signed off. */
export const giveToResident = defineAction({
  fn: 'keys',
  name: 'giveToResident',
  input: z.strictObject({ ...scoped, ...commandFields, leftKeyId: DocId, version: z.number().check(z.int(), z.positive()), residentName: Text(40) }),
  output: LeftKeyView,
  roles: desk,
  write: true,
  errors: ['KEY.LEFT_NOT_FOUND', 'KEY.ORDER_NOT_SIGNED', 'STATE.TRANSITION_NOT_ALLOWED'],
});

/** K2: residents' keys left at the desk and not yet returned; a technician sees those left for him. */
export const leftKeys = defineAction({
  fn: 'keys',
  name: 'leftKeys',
  input: z.strictObject({ ...scoped, ...pageInput }),
  output: pageOf(LeftKeyView),
  roles: staffRoles,
  write: false,
  errors: [],
});

export const keysActions = {
  add, list, staff, lend, sign, giveBack, loans, mine, deposits, signDeposits, inventory, count, signInventory,
  leaveKey, borrowLeft, bringBackLeft, giveToResident, leftKeys,
} as const;
