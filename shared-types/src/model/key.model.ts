import * as z from 'zod/mini';
import { base, defineModel, isoInstant, calendarDate } from './versioned';

/** K1: the kinds of key the desk keeps (the seed's 钥匙柜, by building, floor and kind). */
/** A literal list, not `KeyKind.options`: reading the schema when the module loads would build it (issue 16, require time). */
export const keyKinds: ('resident' | 'public' | 'equipment' | 'meter_box')[] = ['resident', 'public', 'equipment', 'meter_box'];
export const KeyKind = z.enum(keyKinds);
export type KeyKind = z.infer<typeof KeyKind>;

/** K1: a key in daily use, or one of its kind's emergency spare set. */
export const KeySet = z.enum(['working', 'spare']);
export type KeySet = z.infer<typeof KeySet>;

const Month = z.string().check(z.regex(/^\d{4}-\d{2}$/));

/** K1: a key as first stored: its loan named by id alone. */
const KeyV1 = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: KeyKind,
  opens: z.string(),
  label: z.string(),
  set: KeySet,
  depositFen: z.number().check(z.int(), z.gte(0)),
  loanId: z.nullable(z.string()),
  addedBy: z.string(),
  createdAt: isoInstant,
  version: z.number().check(z.int(), z.positive()),
});

/** K2: who holds a key: a staff member (signs on their own phone), or someone from outside who showed ID. */
export const Borrower = z.discriminatedUnion('type', [
  z.object({ type: z.literal('staff'), memberId: z.string(), name: z.string() }),
  z.object({
    type: z.enum(['contractor', 'resident']),
    name: z.string(),
    phone: z.string(),
    /** PIPL: only the masked ID number is kept (1**************234X). */
    idMasked: z.string(),
  }),
]);
export type Borrower = z.infer<typeof Borrower>;

/** K2: a deposit the desk holds: amount from the key's record, how it was paid, the receipt, who keeps it. */
export const Deposit = z.object({
  amountFen: z.number().check(z.int(), z.positive()),
  method: z.enum(['cash', 'transfer']),
  receiptNo: z.string(),
  custodian: z.string(),
});
export type Deposit = z.infer<typeof Deposit>;

export const DepositOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('refunded'), amountFen: z.number().check(z.int(), z.positive()), by: z.string() }),
  z.object({ outcome: z.literal('kept'), amountFen: z.number().check(z.int(), z.positive()), by: z.string(), reason: z.string() }),
]);
export type DepositOutcome = z.infer<typeof DepositOutcome>;

export const LoanStatus = z.enum(['pending', 'lent', 'overdue', 'returned', 'cancelled']);
export type LoanStatus = z.infer<typeof LoanStatus>;

/** K2: one loan of one key (钥匙借用登记表): who, why, until when, signed, the deposit, and how it came back. */
export const KeyLoanDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  keyId: z.string(),
  keyLabel: z.string(),
  kind: KeyKind,
  borrower: Borrower,
  purpose: z.string(),
  status: LoanStatus,
  lentAt: isoInstant,
  /** The Shanghai day the deposit was taken, for the day's reconciliation. */
  lentDate: calendarDate,
  lentBy: z.string(),
  dueBackAt: isoInstant,
  /** The borrower's handwritten signature (a storage file id); a staff borrower's comes from their phone. */
  signature: z.nullable(z.string()),
  deposit: z.nullable(Deposit),
  escalatedAt: z.nullable(isoInstant),
  returnedAt: z.nullable(isoInstant),
  returnedDate: z.nullable(calendarDate),
  returnedTo: z.nullable(z.string()),
  depositOutcome: z.nullable(DepositOutcome),
  version: z.number().check(z.int(), z.positive()),
  updatedAt: isoInstant,
});
export type KeyLoanDoc = z.infer<typeof KeyLoanDoc>;
export const keyLoanModel = defineModel({ collection: 'keyLoans', version: 1, schema: KeyLoanDoc });

/**
 * K1: one key of the register: its kind, what it opens (a room, a floor, an equipment room, a
 * meter box), its label on the cabinet, whether it belongs to the emergency spare set, the deposit a
 * non-staff borrower pays for it, and the loan it is out on (`loanId`).
 *
 * Issue 16: the open loan itself lives here too (`loan`), the one document a loan's transaction reads and writes; the
 * loan's own document in `keyLoans` is its copy, written after the commit (journaled-puts.ts `putAfter`), and holds it
 * alone once it is closed. A key stored before (version 1) carries `loan: null`, its open loan, if any, in `keyLoans` only.
 */
export const KeyDoc = z.extend(KeyV1, { schemaVersion: z.literal(2), loan: z.nullable(KeyLoanDoc) });
export type KeyDoc = z.infer<typeof KeyDoc>;
export const keyModel = defineModel({ collection: 'keys', version: 2, schema: KeyDoc, migrations: { 1: (doc) => ({ ...doc, loan: null }) } });

/** K3: one kind's count: what the register holds, what the desk found, and why they differ. */
export const KindCount = z.object({
  kind: KeyKind,
  expected: z.number().check(z.int(), z.gte(0)),
  counted: z.number().check(z.int(), z.gte(0)),
  explanation: z.string(),
  countedBy: z.string(),
  countedAt: isoInstant,
});
export type KindCount = z.infer<typeof KindCount>;

/** K3: a month's key inventory (钥匙盘点), counted on the 25th–27th and signed from the 28th. */
export const KeyInventoryDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  month: Month,
  status: z.enum(['counting', 'signed']),
  counts: z.array(KindCount),
  countRemindedAt: z.nullable(isoInstant),
  reportRemindedAt: z.nullable(isoInstant),
  signedBy: z.nullable(z.string()),
  signedAt: z.nullable(isoInstant),
  version: z.number().check(z.int(), z.positive()),
});
export type KeyInventoryDoc = z.infer<typeof KeyInventoryDoc>;
export const keyInventoryModel = defineModel({ collection: 'keyInventories', version: 1, schema: KeyInventoryDoc });

/** K2: the supervisor's signature under a day's deposit reconciliation, with the figures as signed. */
export const DepositDayDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  date: calendarDate,
  receivedFen: z.number().check(z.int(), z.gte(0)),
  refundedFen: z.number().check(z.int(), z.gte(0)),
  keptFen: z.number().check(z.int(), z.gte(0)),
  heldFen: z.number().check(z.int(), z.gte(0)),
  remarks: z.string(),
  signedBy: z.string(),
  signedAt: isoInstant,
});
export type DepositDayDoc = z.infer<typeof DepositDayDoc>;
export const depositDayModel = defineModel({ collection: 'keyDepositDays', version: 1, schema: DepositDayDoc });

export const LeftKeyStatus = z.enum(['held', 'out', 'back', 'returned']);
export type LeftKeyStatus = z.infer<typeof LeftKeyStatus>;

/**
 * K2: a resident's own key left at the desk for a named technician's visit on one repair (小张's
 * spare key for a repair window): held at the desk, out with that technician (who signed for it on
 * his phone), back at the desk, and returned to the resident once the order is signed off.
 */
export const LeftKeyDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  repairId: z.string(),
  roomId: z.string(),
  /** What was left, as the desk wrote it ("入户门钥匙 1 把"). */
  description: z.string(),
  /** Who left it (the resident's name as they gave it). */
  leftBy: z.string(),
  technician: z.object({ memberId: z.string(), name: z.string() }),
  status: LeftKeyStatus,
  receivedBy: z.string(),
  createdAt: isoInstant,
  /** The technician's signature when he took it (a storage file id). */
  signature: z.nullable(z.string()),
  borrowedAt: z.nullable(isoInstant),
  backAt: z.nullable(isoInstant),
  returnedAt: z.nullable(isoInstant),
  returnedTo: z.nullable(z.string()),
  /** When the desk was reminded that the order is signed off and the key not yet returned. */
  remindedAt: z.nullable(isoInstant),
  version: z.number().check(z.int(), z.positive()),
  updatedAt: isoInstant,
});
export type LeftKeyDoc = z.infer<typeof LeftKeyDoc>;
export const leftKeyModel = defineModel({ collection: 'leftKeys', version: 1, schema: LeftKeyDoc });
