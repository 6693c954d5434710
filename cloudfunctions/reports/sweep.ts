import { exportMachine, exportsKeptSince } from '@shared/domain/export.machine';
import { transition } from '@shared/domain/state-machine';
import { exportModel, type ExportDoc } from '@shared/model/export.model';
import type { Deps } from '../_shared/deps';
import type { Sweep } from '../_shared/sweep';
import { TIMER } from '../_shared/timer-actor';
import { dueExports, readExportInTx, writeExport } from './exports.repo';

/** Exports expired a run at most: each is a storage call and a transaction, and the rest wait for the next minute. */
const PER_RUN = 50;

/**
 * One export past its days: its file deleted from storage first, then the export expired through its
 * machine with its event. Cut short between the two, the next run deletes again (a file that is not
 * there is no failure) and expires it; an export already expired is left as it is.
 */
const expireOne = async (deps: Deps, found: ExportDoc): Promise<boolean> => {
  if (found.fileId) await deps.files.remove([found.fileId]);
  const now = deps.now();
  return deps.db.runTransaction(async (tx) => {
    const doc = await readExportInTx(tx, found._id);
    const step = transition(exportMachine, doc, { action: 'expire', actor: TIMER.actor, role: TIMER.role, now });
    if (!step.ok) return false;
    await writeExport(tx, { ...doc, status: step.status, version: step.version, fileId: null }, step.event, `expire:${doc._id}`);
    return true;
  });
};

/**
 * Issue 17 (2): the reports' Excel files are kept EXPORT_KEPT_DAYS (7 days: as long as 最近导出 lists
 * them); the timer then deletes each file and marks its export expired, reading only the exports due.
 * Answers how many it expired.
 */
export const expireExports = async (sweep: Sweep, limit = PER_RUN): Promise<number> => {
  const { deps } = sweep;
  const { closed } = await sweep.properties();
  const due = await sweep.parse(exportModel, await dueExports(deps.db, exportsKeptSince(deps.now()), limit, closed));
  let expired = 0;
  for (const doc of due) if (await sweep.unit(`export ${doc._id}`, () => expireOne(deps, doc))) expired++;
  return expired;
};
