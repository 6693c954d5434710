import { bindingModel, type BindingDoc } from '@shared/model/binding.model';
import { ERASED_NAME } from '@shared/model/erasure.model';
import { roomInvitationModel, type RoomInvitationDoc } from '@shared/model/room-invitation.model';
import type { Database, Tx } from '../_shared/database';
import type { SortKey, Source } from '../_shared/paging';
import { everyPage, findById, findInTx, parseAll, readAll, rewriteStored, storedByIds, withoutId, readInTx, type Rewrite, type StoredDoc } from '../_shared/repo';

/**
 * The members area's room bindings (`bindings`: a person's requests to be bound to a room, issue 7) and
 * owners' room invitations (`roomInvitations`, issue 18, 5): the only module that names them. Reads parse
 * through the models; a request's status is written with the event of its step by the caller, in the same
 * transaction. Other areas read bindings through `exports.ts`.
 */

/** A resident's requests to be bound, a handful in a lifetime: the latest approval of each room is in them. */
const BINDINGS_READ = 100;

export const findBinding = (db: Database, id: string) => findById(db, bindingModel, id);

/** A binding request the caller names, read in her command's transaction: null when it is not there (issue 16). */
export const findBindingInTx = (tx: Tx, id: string) => findInTx(tx, bindingModel, id);

/** A request written as its step left it (the caller appends the step's event in the same transaction). */
export const writeBindingInTx = async (tx: Tx, doc: BindingDoc): Promise<void> => {
  await tx.collection('bindings').doc(doc._id).set({ data: withoutId(doc) });
};

/** The caller's requests still waiting in one property (a handful: `requestRefusal` keeps them few). */
export const pendingOf = async (db: Database, propertyId: string, openid: string): Promise<BindingDoc[]> =>
  parseAll(bindingModel, (await db.collection('bindings').where({ propertyId, openid, status: 'pending' }).limit(100).get()).data);

/** Issue 18 (5): her approved requests in one property, read by her own openid on the `applicant_pending` index. */
export const approvedBindingsOf = async (db: Database, propertyId: string, openid: string): Promise<BindingDoc[]> =>
  parseAll(bindingModel, (await db.collection('bindings').where({ propertyId, openid, status: 'approved' }).limit(BINDINGS_READ).get()).data);

/** Every request of a person, in every property, newest first. */
export const bindingsOfPerson = (db: Database, openid: string): Promise<BindingDoc[]> =>
  readAll(bindingModel, db.collection('bindings').where({ openid }).orderBy('createdAt', 'desc'));

/** D1: a property's approved requests made between two instants (ISO), on the `queue` index. */
export const approvedBindingsRequestedBetween = (db: Database, propertyId: string, from: string, to: string): Promise<BindingDoc[]> => {
  const _ = db.command;
  return readAll(bindingModel, db.collection('bindings').where({ propertyId, status: 'approved', createdAt: _.gte(from).and(_.lte(to)) }));
};

/** The list source of requests matching `where`, by when they were made. */
export const bindingsByCreation = (where: object, order: SortKey['order']): Source<BindingDoc> => ({
  collection: 'bindings',
  where,
  sort: [{ field: 'createdAt', order }],
  parse: (raw) => bindingModel.parse(raw),
});

/** P2: an erased person's request keeps no name or phone. */
export const eraseBindingPerson = async (db: Database, id: string): Promise<void> => {
  await db.collection('bindings').doc(id).update({ data: { name: ERASED_NAME, phone: '' } });
};

export const findRoomInvitation = (db: Database, id: string) => findById(db, roomInvitationModel, id);

export const readRoomInvitationInTx = async (tx: Tx, id: string): Promise<RoomInvitationDoc> => readInTx(tx, roomInvitationModel, id);

export const writeRoomInvitationInTx = async (tx: Tx, doc: RoomInvitationDoc): Promise<void> => {
  await tx.collection('roomInvitations').doc(doc._id).set({ data: withoutId(doc) });
};

/** The list source of an owner's invitations matching `where`, soonest to expire first (the `openByOwner` index). */
export const roomInvitationsSoonestFirst = (where: object): Source<RoomInvitationDoc> => ({
  collection: 'roomInvitations',
  where,
  sort: [{ field: 'expiresAt', order: 'asc' }],
  parse: (raw) => roomInvitationModel.parse(raw),
});

/**
 * Issue 18 (5): withdraws an invitation by one conditional update (`mine`, open, not expired at `at`) that the
 * database applies atomically: true when this call withdrew it.
 */
export const cancelOpenRoomInvitation = async (db: Database, mine: object, at: string, command: string): Promise<boolean> => {
  const _ = db.command;
  const done = await db
    .collection('roomInvitations')
    .where({ ...mine, status: 'open', expiresAt: _.gt(at) })
    .update({ data: { schemaVersion: roomInvitationModel.version, status: 'cancelled', cancelled: _.set({ at, command }) } });
  return Boolean(done.stats.updated);
};

/** P2: the owner's invitation an erased person bound with keeps who used it, by the erased name. */
export const eraseRoomInvitationUser = async (db: Database, id: string): Promise<void> => {
  await db.collection('roomInvitations').doc(id).update({ data: { 'used.name': ERASED_NAME } });
};

/** PIPL (erasure): the owner's room invitations this member made (issue 18 (5): each names her), as stored. */
export const roomInvitationsMadeBy = (db: Database, propertyId: string, memberId: string): Promise<(StoredDoc & { used?: { bindingId: string } | null })[]> =>
  everyPage(db.collection('roomInvitations').where({ propertyId, 'createdBy.memberId': memberId })) as Promise<(StoredDoc & { used?: { bindingId: string } | null })[]>;
export const rewriteRoomInvitations = (db: Database, docs: readonly StoredDoc[], rewrite: Rewrite) => rewriteStored(db, 'roomInvitations', docs, rewrite);
/** PIPL (erasure): these bindings, as stored (those made with her invitations name her as who invited them), and their texts rewritten. */
export const storedBindings = (db: Database, ids: readonly string[]): Promise<StoredDoc[]> => storedByIds(db, 'bindings', ids);
export const rewriteBindings = (db: Database, docs: readonly StoredDoc[], rewrite: Rewrite) => rewriteStored(db, 'bindings', docs, rewrite);
