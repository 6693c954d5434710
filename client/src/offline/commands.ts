import type * as z from 'zod/mini';
import type { Action } from '@shared/contracts/action';
import * as repairs from '@shared/contracts/repairs.contract';
import type { Call, CallResult } from '../api/client';

/** Every write a technician makes on site; each goes through the command queue, never straight to `call`. */
export const onSiteActions = {
  acknowledge: repairs.acknowledge,
  arrive: repairs.arrive,
  noAnswer: repairs.noAnswer,
  quote: repairs.quote,
  accept: repairs.accept,
  complete: repairs.complete,
  signOff: repairs.signOff,
  /** Only in queues kept from a build before issue 12; the server refuses it (R7: a rating is the resident's). */
  rate: repairs.rate,
  reportBlocker: repairs.reportBlocker,
  clearBlocker: repairs.clearBlocker,
  sendBack: repairs.sendBack,
} as const;

export type OnSiteAction = keyof typeof onSiteActions;
export type RepairView = repairs.RepairView;
/** What every on-site action is: a step on one order that answers the order as it now stands. */
export type OnSiteContract = Action<z.ZodMiniType, typeof repairs.RepairView>;

/** The queue fills these in: which order, the command's identity, and the version it expects. */
type Fixed = 'commandId' | 'deviceTime' | 'propertyId' | 'repairId' | 'version';
export type StepInput<K extends OnSiteAction> = Omit<z.input<(typeof onSiteActions)[K]['input']>, Fixed>;

/** The order a command is for, as the page knows it. */
export interface StepTarget {
  repairId: string;
  propertyId: string;
  /** The caller's upload folder, for photos and signatures kept on the phone. */
  uploadPrefix: string;
  /** The order's version as the page last saw it. */
  version: number;
}

/** One tap, kept until the server acknowledges it. Plain JSON: it is persisted as it is. */
export interface QueuedCommand {
  commandId: string;
  /** When the technician tapped, not when it was sent. */
  deviceTime: string;
  action: OnSiteAction;
  repairId: string;
  propertyId: string;
  uploadPrefix: string;
  /** The order's version this command expects: each earlier queued command on the order adds one. */
  version: number;
  /** The action's own fields; kept files appear as `offline:` placeholders. */
  input: Record<string, unknown>;
  /** Kept files already uploaded: placeholder reference → file id. */
  uploaded: Record<string, string>;
  /** How many times the server failed on it (a `bounded` answer); set aside at the queue's limit. */
  failures: number;
}

/**
 * A queued command set aside: the server refused it for good, or kept failing on it. The order's
 * queue (this command and those made after it) waits until the technician decides.
 */
export interface Conflict {
  code: string;
  message: string;
  action: OnSiteAction;
  at: string;
  /** How many times it was tried: 1 for a refusal, the queue's limit when the server kept failing, 0 when it was too old to send (TOO_OLD). */
  tries: number;
}

/** How a queued command goes out: through the api client, under its own command id and tap time. */
export const commandSender =
  (call: Call) =>
  (command: QueuedCommand, input: Record<string, unknown>): Promise<CallResult<RepairView>> => {
    const action: OnSiteContract = onSiteActions[command.action];
    return call(
      action,
      { ...input, propertyId: command.propertyId, repairId: command.repairId, version: command.version },
      { commandId: command.commandId, deviceTime: command.deviceTime },
    );
  };
