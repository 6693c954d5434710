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

/** A screened ticket by id, outside a transaction. */
export const findScreened = (db: Database, kind: ScreenedKind, id: string): Promise<ScreenedDoc | null> =>
  kind === 'repair' ? findRepair(db, id) : findComplaint(db, id);

/** A screened ticket the caller names, read in a transaction: null when it is not there. */
export const findScreenedInTx = (tx: Tx, kind: ScreenedKind, id: string): Promise<ScreenedDoc | null> =>
  kind === 'repair' ? findRepairInTx(tx, id) : findComplaintInTx(tx, id);

export const readScreened = async (tx: Tx, kind: ScreenedKind, id: string): Promise<ScreenedDoc> => {
  if (kind === 'repair') return readRepairInTx(tx, id);
  return readComplaintInTx(tx, id);
};

/** Writes the ticket back as it is: screening is no status change, so neither status nor version moves. */
export const writeScreened = async (tx: Tx, kind: ScreenedKind, doc: ScreenedDoc): Promise<void> => {
  if (kind === 'repair') await saveRepairInTx(tx, repairModel.toStored(doc as RepairDoc));
  else await writeComplaintInTx(tx, doc as ComplaintDoc);
};

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
