import type { reportsActions } from '@shared/contracts/reports.contract';
import { exportMachine } from '@shared/domain/export.machine';
import { transition } from '@shared/domain/state-machine';
import { failure } from '@shared/messages/failure';
import { previousPeriod } from '@shared/time/report-period';
import { ok } from '@shared/result';
import { applyOnce } from '../_shared/commands';
import type { Deps } from '../_shared/deps';
import { ActionFailure } from '../_shared/failures';
import { randomId } from '../_shared/ids';
import { withPrefetch, type Handler } from '../_shared/router';
import { findProperty } from '../_shared/properties';
import { xlsxFile } from '../_shared/xlsx-link';
import { failExport, settledExport, startExport } from './export-records';
import { exportIdOf, readExportInTx, writeExport } from './exports.repo';
import { readReport } from './reads';
import { fileNameOf, fillReport } from './sheets';

type A = typeof reportsActions;

/** R11 R12 R7 C8 B4 R13 C7: the period's figures against the period before. */
export const period: Handler<A['period']> = withPrefetch<A['period'], Awaited<ReturnType<typeof readReport>>>(
  // The figures need only the input: read with the caller's membership (issue 16).
  (input, deps) => readReport(deps.db, input.propertyId, input.period, previousPeriod(input.period)),
  async (input, _ctx, figures) => ok({ period: input.period, previous: previousPeriod(input.period), ...figures }),
);

/** A file this call stored that no export links (another call of the command finished first, or the finish failed): deleted, best effort. */
const discard = (deps: Deps, fileId: string) =>
  deps.files.remove([fileId]).catch((e: unknown) => console.warn(`reports.exportXlsx: could not delete the unlinked ${fileId}`, e));

/**
 * Issue 17 (2): the same report as a workbook laid out like the handbook's forms, linked for a few
 * minutes. Once per command id: the export is recorded building (with its event) before the build,
 * and finished ready in the transaction that records the command, so a retry answers the same file
 * with a fresh link and never records a second export. A file that could not be stored leaves the
 * export failed (REPORT.EXPORT_FAILED, on every retry of the command); a file is linked only once
 * it is stored whole.
 */
export const exportXlsx: Handler<A['exportXlsx']> = async (input, sent) => {
  // A client before v19 sends no command id: its call is a command of its own, as each of its calls always made an export.
  const commandId = input.commandId ?? randomId('cx');
  const ctx = input.commandId ? sent : { ...sent, commandKey: `${sent.member._id}~${commandId}` };
  const { deps, member, now } = ctx;
  const previous = previousPeriod(input.period);
  const who = { memberId: member._id, openid: member.openid, role: member.role };
  const exportId = exportIdOf(ctx.commandKey);
  const [started, figures, property] = await Promise.all([
    startExport(deps.db, who, { exportId, commandId, propertyId: input.propertyId, period: input.period, now }),
    readReport(deps.db, input.propertyId, input.period, previous),
    findProperty(deps.db, input.propertyId),
  ]);
  if (!started.fresh) {
    const settled = await settledExport(deps.db, who, started.doc, now);
    if (settled) return settled;
  }
  const report = { property: property?.name ?? input.propertyId, period: input.period, previous, madeAt: now, ...figures };
  const fileName = fileNameOf(report);
  let fileId: string;
  try {
    fileId = await xlsxFile(deps, input.propertyId, (book) => fillReport(book, report));
  } catch (e) {
    console.error(`reports.exportXlsx: export ${exportId} could not be built or stored`, e);
    await failExport(deps.db, who, exportId, commandId, deps.now());
    return failure('REPORT.EXPORT_FAILED');
  }
  const finished = await applyOnce(ctx, 'reports.exportXlsx', async (tx) => {
    const doc = await readExportInTx(tx, exportId);
    // Finished by another call of this command: its command record is there, and applyOnce answers it.
    if (doc.status === 'ready') throw new Error(`export ${exportId} is already finished`);
    const step = transition(exportMachine, doc, { action: 'finish', actor: member.openid, role: member.role, now: deps.now() });
    if (!step.ok) throw new ActionFailure('REPORT.EXPORT_FAILED');
    await writeExport(tx, { ...doc, fileId, fileName, status: step.status, version: step.version, finishedAt: deps.now().toISOString() }, step.event, commandId);
    return { fileName, url: fileId };
  }).catch(async (e: unknown) => {
    await discard(deps, fileId);
    throw e;
  });
  if (!finished.fresh) await discard(deps, fileId);
  return ok(finished.result);
};
