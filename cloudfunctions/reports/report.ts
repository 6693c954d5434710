import type { reportsActions } from '@shared/contracts/reports.contract';
import { previousPeriod } from '@shared/time/report-period';
import { ok } from '@shared/result';
import { propertyModel } from '@shared/model/property.model';
import type { Handler } from '../_shared/router';
import { findById } from '../_shared/repo';
import { xlsxFile } from '../_shared/xlsx-link';
import { finishExport, startExport } from './exports';
import { readReport } from './reads';
import { fileNameOf, fillReport } from './sheets';

type A = typeof reportsActions;

/** R11 R12 R7 C8 B4 R13 C7: the period's figures against the period before. */
export const period: Handler<A['period']> = async (input, { deps }) => {
  const previous = previousPeriod(input.period);
  return ok({ period: input.period, previous, ...(await readReport(deps.db, input.propertyId, input.period, previous)) });
};

/**
 * Issue 17 (2): the same report as a workbook laid out like the handbook's forms, linked for a few
 * minutes; recorded for the caller as building before the build, ready or failed after it.
 */
export const exportXlsx: Handler<A['exportXlsx']> = async (input, { deps, member, now }) => {
  const previous = previousPeriod(input.period);
  const who = { memberId: member._id, openid: member.openid, role: member.role };
  const [started, figures, property] = await Promise.all([
    startExport(deps.db, who, { propertyId: input.propertyId, period: input.period, now }),
    readReport(deps.db, input.propertyId, input.period, previous),
    findById(deps.db, propertyModel, input.propertyId),
  ]);
  const report = { property: property?.name ?? input.propertyId, period: input.period, previous, madeAt: now, ...figures };
  const fileName = fileNameOf(report);
  const fileId = await xlsxFile(deps, input.propertyId, (book) => fillReport(book, report)).catch(async (e: unknown) => {
    await finishExport(deps.db, who, started, null, deps.now());
    throw e;
  });
  await finishExport(deps.db, who, started, { fileId, fileName }, deps.now());
  return ok({ fileName, url: fileId });
};
