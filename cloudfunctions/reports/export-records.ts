import type { reportsActions } from '@shared/contracts/reports.contract';
import { buildDied, EXPORT_KEPT_DAYS, exportMachine, exportPhase } from '@shared/domain/export.machine';
import { birth, transition, type Actor } from '@shared/domain/state-machine';
import { failure } from '@shared/messages/failure';
import type { ExportDoc } from '@shared/model/export.model';
import { ok, type Result } from '@shared/result';
import { addMinutes } from '@shared/time/shanghai';
import type { Database } from '../_shared/database';
import { ActionFailure } from '../_shared/failures';
import { mapPage } from '../_shared/paging';
import type { Handler } from '../_shared/router';
import { findExport, memberExports, readExportInTx, writeExport } from './exports.repo';

export interface Who {
  memberId: string;
  openid: string;
  role: Actor;
}

/** The export a command records, and whether this call recorded it (false: an earlier call of the same command did). */
export interface Started {
  doc: ExportDoc;
  fresh: boolean;
}

/**
 * Issue 17 (2): the export recorded as building before its workbook is built, so that it can be found
 * after leaving the page; born by its machine with its event. Its id is its command's: a retry of the
 * command finds the first call's export instead of recording a second.
 */
export const startExport = async (
  db: Database,
  who: Who,
  at: { exportId: string; commandId: string; propertyId: string; period: string; now: Date },
): Promise<Started> => {
  const event = birth(exportMachine, 'start', { actor: who.openid, role: who.role, now: at.now });
  const doc = {
    _id: at.exportId,
    propertyId: at.propertyId,
    memberId: who.memberId,
    commandId: at.commandId,
    period: at.period,
    fileName: null,
    status: event.to,
    fileId: null,
    startedAt: at.now.toISOString(),
    finishedAt: null,
    version: event.version,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      return { doc: await db.runTransaction((tx) => writeExport(tx, doc, event, at.commandId)), fresh: true };
    } catch (e) {
      // The id taken: the command's first call recorded it (a duplicate key), or holds it in its open
      // transaction (a conflict: read again once that has committed); any other failure is tried again too.
      const first = await findExport(db, at.exportId);
      if (first) return { doc: first, fresh: false };
      if (attempt >= BIRTH_ATTEMPTS) {
        console.warn(`reports.exportXlsx: export ${at.exportId} not recorded after ${attempt} attempts`, e);
        throw new ActionFailure('COMMON.BUSY');
      }
      await new Promise((resolve) => setTimeout(resolve, 30 * 3 ** (attempt - 1) * (0.5 + Math.random())));
    }
  }
};

/** As applyOnce tries a command's transaction: a conflict is met while the other transaction holds the document, so wait for it (30, 90, 270 ms). */
const BIRTH_ATTEMPTS = 4;

/** A build that failed (its file could not be stored), or one a retry finds dead: failed through its machine, with its event. */
export const failExport = (db: Database, who: Who, exportId: string, commandId: string, now: Date): Promise<ExportDoc> =>
  db.runTransaction(async (tx) => {
    const doc = await readExportInTx(tx, exportId);
    const step = transition(exportMachine, doc, { action: 'fail', actor: who.openid, role: who.role, now });
    if (!step.ok) return doc;
    return writeExport(tx, { ...doc, status: step.status, version: step.version, finishedAt: now.toISOString() }, step.event, commandId);
  });

/**
 * A retry of a command whose export is already recorded: its file when it is ready (the first result),
 * REPORT.EXPORT_FAILED when it failed or its build died with the function (marked failed now), or null
 * while its first call may still be building it: this call builds it too, and the first to finish is
 * the one both answer (applyOnce).
 */
export const settledExport = async (db: Database, who: Who, doc: ExportDoc, now: Date): Promise<Result<{ fileName: string; url: string }> | null> => {
  if (doc.status === 'ready' && doc.fileId && doc.fileName) return ok({ fileName: doc.fileName, url: doc.fileId });
  if (doc.status === 'building' && !buildDied(doc, now)) return null;
  if (doc.status === 'building' && doc.commandId) await failExport(db, who, doc._id, doc.commandId, now);
  return failure('REPORT.EXPORT_FAILED');
};

/**
 * Issue 17 (2): the caller's own exports of the last days in this property, the newest first. Nothing
 * is linked here: a ready one is opened by sending its command again (issue 16: the list stays at 2 waits).
 */
export const recentExports: Handler<(typeof reportsActions)['recentExports']> = async (input, { deps, member, now }) => {
  const since = addMinutes(now, -EXPORT_KEPT_DAYS * 24 * 60).toISOString();
  const page = await memberExports(deps.db, input.propertyId, member._id, since, input);
  return ok(
    mapPage(page, (e) => {
      const phase = exportPhase(e, now);
      return { exportId: e._id, fileName: e.fileName, period: e.period, status: phase === 'expired' ? 'failed' : phase, startedAt: e.startedAt, url: null, commandId: e.commandId };
    }),
  );
};
