import * as repairs from '@shared/contracts/repairs.contract';
import { acceptedTotalFen, priceQuote } from '@shared/domain/quote.rules';
import { repairMachine, type RepairAction } from '@shared/domain/repair.machine';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { QueuedCommand, RepairView } from './commands';

export type FeeSchedule = SettingsDoc['feeSchedule'];

/** The command as the function will receive it, for reading its fields through the contract. */
const payload = (c: QueuedCommand) => ({
  ...c.input,
  propertyId: c.propertyId,
  repairId: c.repairId,
  version: c.version,
  commandId: c.commandId,
  deviceTime: c.deviceTime,
});

/** What one accepted command changes on the order, the way the server would record it. */
const fieldsOf = (c: QueuedCommand, fees: FeeSchedule, view: RepairView): Partial<RepairView> => {
  const at = c.deviceTime;
  const data = payload(c);
  switch (c.action) {
    case 'acknowledge':
      return { acknowledgedAt: at };
    case 'arrive':
      return { arrivedAt: at };
    case 'noAnswer': {
      const parsed = repairs.noAnswer.input.safeParse(data);
      return parsed.success ? { visitNote: parsed.data.note } : {};
    }
    case 'quote': {
      const parsed = repairs.quote.input.safeParse(data);
      const priced = parsed.success ? priceQuote(parsed.data.items, fees) : null;
      return priced?.ok ? { quote: { lines: priced.lines, totalFen: priced.totalFen, at }, acceptance: null } : {};
    }
    case 'accept': {
      const parsed = repairs.accept.input.safeParse(data);
      return { acceptance: { via: 'signature_on_site', signature: parsed.success ? (parsed.data.signature ?? null) : null, at } };
    }
    case 'complete': {
      const parsed = repairs.complete.input.safeParse(data);
      if (!parsed.success) return {};
      const { beforePhotos, afterPhotos, materials } = parsed.data;
      const used = materials.map((m) => ({ name: m.name, qty: m.qty }));
      return { completion: { beforePhotos, afterPhotos, materials: used, amountFen: acceptedTotalFen(view) ?? 0, at } };
    }
    case 'signOff': {
      const parsed = repairs.signOff.input.safeParse(data);
      if (!parsed.success) return {};
      const { signature, rating } = parsed.data;
      return { signOff: { signature, at }, completedAt: at, ...(rating ? { rating: { ...rating, via: 'on_site' as const, at } } : {}) };
    }
    case 'rate':
      // Queued by a build before issue 12: the server answers REPAIR.RATING_IS_RESIDENTS (R7), so it changes nothing.
      return {};
    case 'reportBlocker': {
      const parsed = repairs.reportBlocker.input.safeParse(data);
      return parsed.success ? { blocker: { kind: parsed.data.kind, reason: parsed.data.reason, since: at } } : {};
    }
    case 'clearBlocker':
      return { blocker: null };
    case 'sendBack': {
      const parsed = repairs.sendBack.input.safeParse(data);
      return parsed.success ? { sendBack: { reason: parsed.data.reason, at, review: null } } : {};
    }
  }
};

/**
 * What the technician may do next on an order whose latest steps the server has not seen yet: the
 * state machine's own table for the technician, with the guards that read the order itself.
 */
export const localActions = (view: RepairView): RepairAction[] =>
  (Object.keys(repairMachine.transitions) as RepairAction[]).filter((action) => {
    const t = repairMachine.transitions[action];
    if (!t.roles.includes('technician') || !t.from.includes(view.status)) return false;
    if (action === 'reportBlocker') return !view.blocker;
    if (action === 'clearBlocker') return Boolean(view.blocker);
    if (action === 'rate') return !view.rating;
    return true;
  });

/**
 * The order as it will be once the server has the queued commands: each advances the status as the
 * machine says and records its fields. Commands expecting an older version than `view` are already
 * in it.
 */
export const applyPending = (view: RepairView, pending: readonly QueuedCommand[], fees: FeeSchedule): RepairView => {
  const unseen = pending.filter((c) => c.repairId === view.id && c.version >= view.version);
  if (unseen.length === 0) return view;
  const next = unseen.reduce<RepairView>(
    (v, c) => ({ ...v, ...fieldsOf(c, fees, v), status: repairMachine.transitions[c.action].to ?? v.status, version: c.version + 1 }),
    view,
  );
  return { ...next, actions: localActions(next) };
};
