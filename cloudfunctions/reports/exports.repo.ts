import type { TransitionEvent } from '@shared/domain/state-machine';
import { exportModel, type ExportDoc } from '@shared/model/export.model';
import type { Database, Tx } from '../_shared/database';
import { appendEvent } from '../_shared/events';
import { derivedId } from '../_shared/ids';
import { readPage, type PageRequest } from '../_shared/paging';
import { findById, parseStored, withoutId } from '../_shared/repo';

/** The `exports` collection (issue 17, 2): the only module that names it. */

/** One export per command: a retry of the command meets the export its first call recorded. */
export const exportIdOf = (commandKey: string) => derivedId('ex', commandKey);

export const findExport = (db: Database, id: string) => findById(db, exportModel, id);

export const readExportInTx = async (tx: Tx, id: string): Promise<ExportDoc> => parseStored(exportModel, (await tx.collection('exports').doc(id).get()).data);

/**
 * An export written with the event of the transition that made its status (issue 15, 2). Its birth
 * inserts: of two calls of one command, the second finds the id taken instead of writing over the first.
 */
export const writeExport = async (tx: Tx, doc: Omit<ExportDoc, 'schemaVersion'>, event: TransitionEvent<string, string>, commandId: string): Promise<ExportDoc> => {
  const stored = exportModel.toStored(doc);
  if (event.from === null) await tx.collection('exports').add({ data: stored });
  else await tx.collection('exports').doc(stored._id).set({ data: withoutId(stored) });
  await appendEvent(tx, { kind: 'export', id: stored._id, propertyId: stored.propertyId }, event, commandId);
  return stored;
};

/** One member's exports in one property started since `since`, the newest first. */
export const memberExports = (db: Database, propertyId: string, memberId: string, since: string, page: PageRequest) =>
  readPage(
    db,
    {
      name: 'reports.recentExports',
      sources: [
        {
          collection: 'exports',
          where: { propertyId, memberId, startedAt: db.command.gte(since) },
          sort: [{ field: 'startedAt', order: 'desc' }],
          parse: (raw: unknown) => exportModel.parse(raw),
        },
      ],
    },
    page,
  );

/** Whatever an export became, until it is expired: what the timer's sweep looks for once its days are over. */
const LIVE = ['building', 'ready', 'failed'];

/**
 * The exports started before `before` and not yet expired, the oldest first, outside the closed
 * properties (read-only to the timer): through the `due_expiry` index, so the sweep reads only what is due.
 */
export const dueExports = async (db: Database, before: Date, limit: number, closedProperties: readonly string[]): Promise<unknown[]> => {
  const _ = db.command;
  const outside = closedProperties.length ? { propertyId: _.nin([...closedProperties]) } : {};
  const res = await db
    .collection('exports')
    .where({ status: _.in(LIVE), startedAt: _.lt(before.toISOString()), ...outside })
    .orderBy('startedAt', 'asc')
    .limit(limit)
    .get();
  return res.data;
};
