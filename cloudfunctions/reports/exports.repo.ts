import { exportModel, type ExportDoc } from '@shared/model/export.model';
import type { Database } from '../_shared/database';
import { readPage, type PageRequest } from '../_shared/paging';
import { withoutId } from '../_shared/repo';

/** The `exports` collection (issue 17, 2): the only module that names it. */

/** An export as its machine left it: the first write adds it, the next ones write over it. */
export const saveExport = async (db: Database, doc: Omit<ExportDoc, 'schemaVersion'>): Promise<ExportDoc> => {
  const stored = exportModel.toStored(doc);
  if (stored.version === 1) await db.collection('exports').add({ data: stored });
  else await db.collection('exports').doc(stored._id).set({ data: withoutId(stored) });
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
