import type { Database } from './database';

/**
 * Issue 15 (3): the counts of work orders, the other half of the repairs collection's owner
 * (`repairs.repo.ts` holds the documents). A count reads no document, so nothing here is parsed and
 * this module imports no model: the session function, which only counts what waits, bundles neither
 * the stored order's model nor its rules (importing them took session's index.js from 100 181 to
 * 111 038 bytes). Each count asks in a shape an index of repairs/area.json serves.
 */

/** Issue 18 (5): how many of a room's repairs (`room`: the room's filter) others than `openid` filed at or after `since`. */
export const countOthersFiledSince = async (db: Database, room: object, since: string, openid: string): Promise<number> => {
  const _ = db.command;
  const res = await db.collection('repairs').where({ ...room, createdAt: _.gte(since), residentOpenid: _.neq(openid) }).count();
  return res.total;
};

/** The counts of what waits (each a query to `count()`, issued together by the caller). */
export const repairsAtRank = (db: Database, propertyId: string, rank: unknown) => db.collection('repairs').where({ propertyId, queueRank: rank });

/** A technician's orders in `statuses` (a `db.command.in`), or only those at `rank` too. */
export const technicianRepairsQuery = (db: Database, mine: { propertyId: string; 'technician.openid': string; status: unknown }, rank?: unknown) =>
  db.collection('repairs').where(rank === undefined ? mine : { ...mine, queueRank: rank });

/** A resident's orders in one status, or (with `more`) narrowed further. */
export const residentRepairsQuery = (db: Database, theirs: { propertyId: string; residentOpenid: string }, status: string, more: object = {}) =>
  db.collection('repairs').where({ ...theirs, status, ...more });
