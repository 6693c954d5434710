import type { TransitionEvent } from '@shared/domain/state-machine';
import type { ComplaintDoc } from '@shared/model/complaint.model';
import type { Role } from '@shared/model/member.model';
import { repairModel, type RepairDoc } from '@shared/model/repair.model';
import type { ScreenedKind } from '@shared/model/screening.model';
import type { Database, Tx } from './database';
import { appendEvent } from './events';
import { findRepair, findRepairInTx, readRepairInTx, saveRepairInTx } from './repairs.repo';
import type { ScreenedDoc } from './screened';
import { findComplaint, findComplaintInTx, readComplaintInTx, writeComplaintInTx } from './complaints.repo';

/**
 * One kind's tickets as the screening reads and writes them. Issue 16: a function that decides one kind
 * (`decideContent` in repairs-desk, complaints-desk) is handed that kind's store, so its bundle carries
 * only that kind's model: complaints-desk no longer carries the repair model (3.6 KB, ~190 schemas built
 * at require); the timers and the verdicts, which meet both kinds, look the store up by kind.
 */
export interface ScreenedStore {
  kind: ScreenedKind;
  /** By id, outside a transaction. */
  find(db: Database, id: string): Promise<ScreenedDoc | null>;
  /** One the caller names, read in a transaction: null when it is not there. */
  findInTx(tx: Tx, id: string): Promise<ScreenedDoc | null>;
  read(tx: Tx, id: string): Promise<ScreenedDoc>;
  /** Writes the ticket back as it is: screening is no status change, so neither status nor version moves. */
  write(tx: Tx, doc: ScreenedDoc): Promise<void>;
}

export const repairStore: ScreenedStore = {
  kind: 'repair',
  find: findRepair,
  findInTx: findRepairInTx,
  read: readRepairInTx,
  write: async (tx, doc) => {
    await saveRepairInTx(tx, repairModel.toStored(doc as RepairDoc));
  },
};

export const complaintStore: ScreenedStore = {
  kind: 'complaint',
  find: findComplaint,
  findInTx: findComplaintInTx,
  read: readComplaintInTx,
  write: async (tx, doc) => {
    await writeComplaintInTx(tx, doc as ComplaintDoc);
  },
};

/** The store of a ticket of either kind (a check's subject, a timer's sweep): a bundle calling it carries both models. */
export const storeOf = (kind: ScreenedKind): ScreenedStore => (kind === 'repair' ? repairStore : complaintStore);

/** A screened ticket by id, outside a transaction. */
export const findScreened = (db: Database, kind: ScreenedKind, id: string): Promise<ScreenedDoc | null> => storeOf(kind).find(db, id);

export interface ScreeningStep {
  action: 'contentFlagged' | 'releaseContent' | 'redactContent';
  actor: string;
  role: Role | 'system';
  /** Which item, in words, and for a flag what the check said. */
  reason: string;
  at: string;
  deviceAt?: string | null;
}

/**
 * A screening step on the ticket's history: an event of the `screening` machine that leaves the
 * ticket in its state and version, keyed by `key` (each item is flagged and decided at most once).
 */
export const appendScreeningStep = (
  tx: Tx,
  kind: ScreenedKind,
  doc: { _id: string; propertyId: string; status: string; version: number },
  step: ScreeningStep,
  commandId: string,
  key: string,
): Promise<void> => {
  const event: TransitionEvent<string, string> = {
    machine: 'screening',
    action: step.action,
    from: doc.status,
    to: doc.status,
    actor: step.actor,
    role: step.role,
    reason: step.reason,
    at: step.at,
    deviceAt: step.deviceAt ?? null,
    expectedVersion: doc.version,
    version: doc.version,
  };
  return appendEvent(tx, { kind, id: doc._id, propertyId: doc.propertyId }, event, commandId, `screen:${key}`);
};
