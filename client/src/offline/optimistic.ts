import { takeStep, type StepChange } from '@shared/domain/repair-steps.rules';
import { allowedActions } from '@shared/domain/state-machine';
import { repairMachine, type RepairAction } from '@shared/domain/repair.machine';
import type { SettingsDoc } from '@shared/model/settings.model';
import { onSiteActions, type QueuedCommand, type RepairView } from './commands';

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

/**
 * What one accepted command changes on the order: the server's own rule (repair-steps.rules) for a
 * technician at the time he tapped. A command the rule would refuse changes no field.
 */
const fieldsOf = (c: QueuedCommand, fees: FeeSchedule, view: RepairView): StepChange => {
  const parsed = onSiteActions[c.action].input.safeParse(payload(c));
  if (!parsed.success) return {};
  const outcome = takeStep(c.action, parsed.data, { at: c.deviceTime, role: 'technician', order: view, fees });
  return outcome.ok ? outcome.change : {};
};

/** What the technician may do next on an order whose latest steps the server has not seen yet: the state machine's answer for him now. */
export const localActions = (view: RepairView, now: Date): RepairAction[] => allowedActions(repairMachine, view, 'technician', now);

/**
 * The order as it will be once the server has the queued commands: each advances the status as the
 * machine says and records its fields. Commands expecting an older version than `view` are already
 * in it.
 */
export const applyPending = (view: RepairView, pending: readonly QueuedCommand[], fees: FeeSchedule, now = new Date()): RepairView => {
  const unseen = pending.filter((c) => c.repairId === view.id && c.version >= view.version);
  if (unseen.length === 0) return view;
  const next = unseen.reduce<RepairView>(
    (v, c) => ({ ...v, ...fieldsOf(c, fees, v), status: repairMachine.transitions[c.action].to ?? v.status, version: c.version + 1 }),
    view,
  );
  return { ...next, actions: localActions(next, now) };
};
