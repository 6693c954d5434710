import { keyInventoryMachine } from '@shared/domain/key-inventory.machine';
import { keyLoanMachine } from '@shared/domain/key-loan.machine';
import { leftKeyMachine } from '@shared/domain/left-key.machine';
import { ESCALATE_AFTER_MINUTES, inventoryMonth, inventoryReminder, isOverdue, needsEscalation } from '@shared/domain/key.rules';
import { birth, transition } from '@shared/domain/state-machine';
import { format } from '@shared/messages/format';
import { keysTexts } from '@shared/messages/keys.zh-CN';
import * as messages from '@shared/messages/words';
import { keyLoanModel, leftKeyModel, type KeyInventoryDoc, type KeyLoanDoc, type LeftKeyDoc } from '@shared/model/key.model';
import type { OutboxDoc } from '@shared/model/outbox.model';
import { roomLabelOfId, type PropertyDoc } from '@shared/model/property.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { deadlineStamp } from '@shared/time/deadline-clock';
import { addMinutes } from '@shared/time/shanghai';
import type { Deps } from '../_shared/deps';
import { enqueueNotice, sendNow, type Notice } from '../_shared/outbox';
import type { Sweep } from '../_shared/sweep';
import { TIMER } from '../_shared/timer-actor';
import { findInventory, leftKeysToRemind, loansToChase, markInventoryReminded, openLoanInTx, readInventoryInTx, readKeyInTx, readLeftKeyInTx, writeInventory, writeLeftKey, writeLoanOnKey } from './keys.repo';
import { openedInventory } from './inventory';
import { signedRepairIds } from '../_shared/repairs.repo';

const loanNotice = (loan: KeyLoanDoc, kind: 'key.overdue' | 'key.escalated', role: 'desk' | 'supervisor'): Notice => ({
  propertyId: loan.propertyId,
  kind,
  channel: 'inbox',
  recipient: audienceOfRole(role),
  subject: { kind: 'keyLoan', id: loan._id },
  title: `${messages.notices[kind]} · ${loan.keyLabel}`,
  body: format(kind === 'key.overdue' ? keysTexts.overdue : keysTexts.escalated, { label: loan.keyLabel, borrower: loan.borrower.name, due: deadlineStamp(new Date(loan.dueBackAt)) }),
  urgent: kind === 'key.escalated',
});

/**
 * K2: one loan chased: past its due-back time it becomes overdue and the desk is told; two hours
 * later, still out, the supervisor is told, once. Each step is a transition of the loan's machine, on the loan as its
 * key holds it (issue 16: the copy the sweep found may not show a give-back yet; a loan no longer out on its key is
 * closed, and left).
 */
const chaseLoan = async (deps: Deps, found: KeyLoanDoc): Promise<OutboxDoc[]> => {
  const now = deps.now();
  return deps.db.runTransaction(async (tx) => {
    let key = await readKeyInTx(tx, found.keyId);
    let loan = await openLoanInTx(tx, key);
    const out: OutboxDoc[] = [];
    if (loan?._id !== found._id) return out;
    if (isOverdue(loan, now)) {
      const step = transition(keyLoanMachine, loan, { action: 'overdue', actor: TIMER.actor, role: TIMER.role, now });
      if (!step.ok) return out;
      ({ key, loan } = await writeLoanOnKey(tx, key, { ...loan, status: step.status, version: step.version, updatedAt: now.toISOString() }, step.event, `overdue:${loan._id}`));
      out.push(await enqueueNotice(tx, `overdue:${loan._id}`, loanNotice(loan, 'key.overdue', 'desk'), now));
    }
    if (needsEscalation(loan, now)) {
      const step = transition(keyLoanMachine, loan, { action: 'escalate', actor: TIMER.actor, role: TIMER.role, now });
      if (!step.ok) return out;
      ({ key, loan } = await writeLoanOnKey(tx, key, { ...loan, version: step.version, escalatedAt: now.toISOString(), updatedAt: now.toISOString() }, step.event, `escalate:${loan._id}`));
      out.push(await enqueueNotice(tx, `escalate:${loan._id}`, loanNotice(loan, 'key.escalated', 'supervisor'), now));
    }
    return out;
  });
};

/** K2: loans past due, each a unit of its own; the notices go out after their writes commit. */
export const chaseOverdueLoans = async (sweep: Sweep, limit = 50): Promise<number> => {
  const { deps } = sweep;
  const queued: OutboxDoc[] = [];
  let chased = 0;
  const now = deps.now();
  const { closed } = await sweep.properties();
  for (const loan of await sweep.parse(keyLoanModel, await loansToChase(deps.db, now, addMinutes(now, -ESCALATE_AFTER_MINUTES), limit, closed))) {
    const notices = (await sweep.unit(`keyLoan ${loan._id}`, () => chaseLoan(deps, loan))) ?? [];
    if (notices.length) chased++;
    queued.push(...notices);
  }
  await sendNow(deps, queued);
  return chased;
};

const inventoryNotice = (property: PropertyDoc, inv: KeyInventoryDoc, which: 'count' | 'report'): Notice => {
  const kind = which === 'count' ? 'key.inventory' : 'key.report';
  return {
    propertyId: property._id,
    kind,
    channel: 'inbox',
    recipient: audienceOfRole(which === 'count' ? 'desk' : 'supervisor'),
    subject: { kind: 'keyInventory', id: inv.month },
    title: `${messages.notices[kind]} · ${inv.month}`,
    body: format(which === 'count' ? keysTexts.inventory : keysTexts.report, { month: inv.month }),
    urgent: false,
  };
};

/**
 * K3: one property's reminder of the month, once each: on the 25th (to the 27th) the desk is told
 * to count, opening the month's inventory; from the 28th the supervisor is told the report is ready.
 */
const remindInventory = async (deps: Deps, property: PropertyDoc): Promise<OutboxDoc[]> => {
  const now = deps.now();
  const month = inventoryMonth(now);
  const existing = await findInventory(deps.db, property._id, month);
  const which = inventoryReminder(now, existing ?? { countRemindedAt: null, reportRemindedAt: null });
  if (!which) return [];
  const field = which === 'count' ? 'countRemindedAt' : 'reportRemindedAt';
  return deps.db.runTransaction(async (tx) => {
    let inv: KeyInventoryDoc;
    if (existing) {
      inv = await readInventoryInTx(tx, existing._id);
      if (inv[field] || inv.status === 'signed') return [];
      await markInventoryReminded(tx, inv._id, field, now);
    } else {
      const born = birth(keyInventoryMachine, 'open', { actor: TIMER.actor, role: TIMER.role, now });
      inv = await writeInventory(tx, { ...openedInventory(property._id, month), [field]: now.toISOString() }, [born], `open:${property._id}:${month}`);
    }
    return [await enqueueNotice(tx, `${field}:${inv._id}`, inventoryNotice(property, inv, which), now)];
  });
};

/** K3: every property's inventory reminder owed today, each property a unit of its own. */
export const remindInventories = async (sweep: Sweep): Promise<number> => {
  const { deps } = sweep;
  if (!inventoryReminder(deps.now(), { countRemindedAt: null, reportRemindedAt: null })) return 0;
  const properties = (await sweep.properties()).open;
  const queued: OutboxDoc[] = [];
  for (const property of properties) queued.push(...((await sweep.unit(`keyInventory ${property._id}`, () => remindInventory(deps, property))) ?? []));
  await sendNow(deps, queued);
  return queued.length;
};

/** K2: one left key whose order is signed off: the desk is reminded once to return it (the machine's `remind`). */
const remindLeftKey = async (deps: Deps, found: LeftKeyDoc): Promise<OutboxDoc[]> => {
  const now = deps.now();
  return deps.db.runTransaction(async (tx) => {
    const key = await readLeftKeyInTx(tx, found._id);
    const step = transition(leftKeyMachine, key, { action: 'remind', actor: TIMER.actor, role: TIMER.role, now });
    if (!step.ok) return [];
    const stored = await writeLeftKey(tx, { ...key, version: step.version, remindedAt: now.toISOString(), updatedAt: now.toISOString() }, step.event, `remind:${key._id}`);
    return [
      await enqueueNotice(tx, `leftDue:${stored._id}`, {
        propertyId: stored.propertyId,
        kind: 'key.leftDue',
        channel: 'inbox',
        recipient: audienceOfRole('desk'),
        subject: { kind: 'leftKey', id: stored._id },
        title: `${messages.notices['key.leftDue']} · ${roomLabelOfId(stored.roomId)}`,
        body: format(keysTexts.leftDue, { room: roomLabelOfId(stored.roomId), description: stored.description }),
        urgent: false,
      }, now),
    ];
  });
};

/** Of these work orders, the ids of the ones signed off: one query by id, whatever their number. */
const signedOrders = async (deps: Deps, ids: readonly string[]): Promise<Set<string>> => {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  return signedRepairIds(deps.db, unique);
};

/** Left keys read per page, and the most pages a run walks (keys waiting on unsigned orders are passed by a page at a time). */
const LEFT_PAGE = 100;
const LEFT_PAGES = 20;

/**
 * K2: residents' keys still at the desk or out after their order was signed off, each a unit of its
 * own. The open keys not yet reminded are read a page at a time with the page's orders in one query
 * beside it (two round trips a page, none per key), so keys whose orders are still open never stand
 * in line ahead of the due ones; at most `limit` are reminded a run, the rest by the next runs (a
 * reminded key leaves the selection).
 */
export const remindLeftKeys = async (sweep: Sweep, limit = 50): Promise<number> => {
  const { deps } = sweep;
  const queued: OutboxDoc[] = [];
  const { closed } = await sweep.properties();
  let after: string | null = null;
  let due = 0;
  for (let page = 0; page < LEFT_PAGES && due < limit; page++) {
    const raws = await leftKeysToRemind(deps.db, after, LEFT_PAGE, closed);
    const keys = await sweep.parse(leftKeyModel, raws);
    const signed = await signedOrders(deps, keys.map((k) => k.repairId));
    for (const key of keys.filter((k) => signed.has(k.repairId)).slice(0, limit - due)) {
      due++;
      queued.push(...((await sweep.unit(`leftKey ${key._id}`, () => remindLeftKey(deps, key))) ?? []));
    }
    if (raws.length < LEFT_PAGE) break;
    after = String((raws.at(-1) as { _id: unknown })._id);
  }
  await sendNow(deps, queued);
  return queued.length;
};

/** The timer's step for keys (K2 K3): overdue loans, left keys due back to their residents, then the month's inventory reminders. */
export const keySweeps = async (sweep: Sweep): Promise<{ chased: number; leftDue: number; reminded: number }> => ({
  chased: await chaseOverdueLoans(sweep),
  leftDue: await remindLeftKeys(sweep),
  reminded: await remindInventories(sweep),
});
