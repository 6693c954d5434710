import { COMPANY_DOC_ID, companyModel, type CompanyDoc } from '@shared/model/company.model';
import {
  BOOTSTRAP_DOC_ID,
  bootstrapModel,
  HEARTBEAT_DOC_IDS,
  heartbeatIdOf,
  heartbeatModel,
  REPAIR_CALLBACK_PLAN_DOC_ID,
  repairCallbackPlanModel,
  type BootstrapDoc,
  type FailedStep,
  type HeartbeatDoc,
  type RepairCallbackPlanDoc,
  type TimerFunction,
} from '@shared/model/environment.model';
import type { Database, Tx } from './database';
import { addOnce, findById, parseAll, withoutId, readInTx } from './repo';

/**
 * The `environment` collection: one document each for the company, the bootstrap record, the timer's
 * heartbeat and its repair-callback plan mark, and the timer's once-a-month markers. The only module that
 * names it; in `_shared/` because the heartbeat (and the timer) read and write it, and `_shared/` imports no area.
 */

export const findCompany = (db: Database) => findById(db, companyModel, COMPANY_DOC_ID);

/** The company document, written in the transaction that makes the company (the bootstrap, or the timer's upgrade). */
export const writeCompanyInTx = async (tx: Tx, company: CompanyDoc): Promise<void> => {
  await tx.collection('environment').doc(COMPANY_DOC_ID).set({ data: withoutId(company) });
};

export const findBootstrap = (db: Database) => findById(db, bootstrapModel, BOOTSTRAP_DOC_ID);

/** The record every bootstrap transaction reads, created once before the first (a transaction cannot read a missing document). */
export const ensureBootstrapRecord = (db: Database) => addOnce(db, 'environment', bootstrapModel.toStored({ _id: BOOTSTRAP_DOC_ID, runs: 0, last: null }));

export const readBootstrapInTx = async (tx: Tx): Promise<BootstrapDoc> => readInTx(tx, bootstrapModel, BOOTSTRAP_DOC_ID);

export const writeBootstrapInTx = async (tx: Tx, record: Omit<BootstrapDoc, 'schemaVersion'>): Promise<void> => {
  await tx.collection('environment').doc(BOOTSTRAP_DOC_ID).set({ data: withoutId(bootstrapModel.toStored(record)) });
};

/** Issue 16: every timer function's heartbeat there is, in one read. */
export const findHeartbeats = async (db: Database): Promise<HeartbeatDoc[]> => {
  const res = await db.collection('environment').where({ _id: db.command.in([...HEARTBEAT_DOC_IDS]) }).limit(HEARTBEAT_DOC_IDS.length).get();
  return parseAll(heartbeatModel, res.data);
};

/** Issue 5: claims the alarm of the gap after `beat`, by one conditional update: true for the one call that changed `alarmedFor`. */
export const claimHeartbeatAlarm = async (db: Database, beat: HeartbeatDoc): Promise<boolean> => {
  const claimed = await db.collection('environment').where({ _id: beat._id, lastRunAt: beat.lastRunAt, alarmedFor: beat.alarmedFor }).update({ data: { alarmedFor: beat.lastRunAt } });
  return Boolean(claimed.stats.updated);
};

/** Issue 12 (3.8): the heartbeat of a timer's finished run, keeping which gap was alarmed (a malformed heartbeat is replaced). */
export const writeHeartbeat = async (db: Database, fn: TimerFunction, ranAt: Date, failedSteps: FailedStep[]): Promise<void> => {
  const id = heartbeatIdOf(fn);
  const current = await db.collection('environment').where({ _id: id }).limit(1).get();
  const alarmedFor = heartbeatModel.safeParse(current.data[0]).data?.alarmedFor ?? null;
  const doc = heartbeatModel.toStored({ _id: id, lastRunAt: ranAt.toISOString(), alarmedFor, failedSteps });
  await db.collection('environment').doc(id).set({ data: withoutId(doc) });
};

export const findRepairCallbackPlan = (db: Database) => findById(db, repairCallbackPlanModel, REPAIR_CALLBACK_PLAN_DOC_ID);

export const writeRepairCallbackPlan = async (db: Database, plan: Omit<RepairCallbackPlanDoc, '_id' | 'schemaVersion'>): Promise<void> => {
  const next = repairCallbackPlanModel.toStored({ _id: REPAIR_CALLBACK_PLAN_DOC_ID, ...plan });
  await db.collection('environment').doc(REPAIR_CALLBACK_PLAN_DOC_ID).set({ data: withoutId(next) });
};

/** Whether the timer left the marker of a job done once (a month's plan): one read by id. */
export const hasMarker = async (db: Database, id: string): Promise<boolean> => (await db.collection('environment').where({ _id: id }).limit(1).get()).data.length > 0;

/** The marker of a job done once, written when the whole job is. */
export const writeMarker = async (db: Database, id: string, marker: { kind: string; at: string; created?: number }): Promise<void> => {
  await db.collection('environment').doc(id).set({ data: { schemaVersion: 1, ...marker } });
};
