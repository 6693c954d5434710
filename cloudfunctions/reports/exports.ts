import type { reportsActions } from '@shared/contracts/reports.contract';
import { exportMachine, exportPhase } from '@shared/domain/export.machine';
import { birth, transition, type Actor } from '@shared/domain/state-machine';
import type { ExportDoc } from '@shared/model/export.model';
import { ok } from '@shared/result';
import { addMinutes } from '@shared/time/shanghai';
import { randomId } from '../_shared/ids';
import { mapPage } from '../_shared/paging';
import type { Handler } from '../_shared/router';
import type { Database } from '../_shared/database';
import { memberExports, saveExport } from './exports.repo';

/** How far back a member finds their exports. */
const KEPT_DAYS = 7;

interface Who {
  memberId: string;
  openid: string;
  role: Actor;
}

/** Issue 17 (2): the export recorded as building before its workbook is built, so that it can be found after leaving the page. */
export const startExport = async (db: Database, who: Who, at: { propertyId: string; period: string; now: Date }): Promise<ExportDoc> => {
  const event = birth(exportMachine, 'start', { actor: who.openid, role: who.role, now: at.now });
  return saveExport(db, {
    _id: randomId('ex'),
    propertyId: at.propertyId,
    memberId: who.memberId,
    period: at.period,
    fileName: null,
    status: event.to,
    fileId: null,
    startedAt: at.now.toISOString(),
    finishedAt: null,
    version: event.version,
  });
};

/** The build's end: ready with its stored file, or failed. */
export const finishExport = async (db: Database, who: Who, doc: ExportDoc, file: { fileId: string; fileName: string } | null, now: Date): Promise<ExportDoc> => {
  const step = transition(exportMachine, doc, { action: file ? 'finish' : 'fail', actor: who.openid, role: who.role, now });
  if (!step.ok) throw new Error(`export ${doc._id}: ${step.code}`);
  return saveExport(db, { ...doc, ...file, status: step.status, version: step.version, finishedAt: now.toISOString() });
};

/** Issue 17 (2): the caller's own exports of the last days in this property, the newest first; a ready one's file linked. */
export const recentExports: Handler<(typeof reportsActions)['recentExports']> = async (input, { deps, member, now }) => {
  const since = addMinutes(now, -KEPT_DAYS * 24 * 60).toISOString();
  const page = await memberExports(deps.db, input.propertyId, member._id, since, input);
  return ok(
    mapPage(page, (e) => {
      const status = exportPhase(e, now);
      return { exportId: e._id, fileName: e.fileName, period: e.period, status, startedAt: e.startedAt, url: status === 'ready' ? e.fileId : null };
    }),
  );
};
