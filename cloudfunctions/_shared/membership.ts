import { memberModel, type MemberDoc } from '@shared/model/member.model';
import { PROPERTY_SHADOW_OPENID, propertyShadow, propertyShadowId, propertyShadowModel, type PropertyShadowDoc } from '@shared/model/property-shadow.model';
import type { Database } from './deps';
import { derivedId } from './ids';
import { findInTx, parseAll, readInTx } from './repo';
import { findProperty } from './properties';
import type { Query, Tx } from './database';
import type { Source } from './paging';
import { findById, isDuplicateKey, parseStored, readAll, withoutId } from './repo';

/**
 * The `members` collection (a person's membership of a property, or of the company) is named by this
 * module alone: the router resolves the caller here on every call, and `_shared/` imports no area, so the
 * members area, the timer and the other areas read and write memberships through these functions.
 * A membership's role and status change with its history event, which the caller appends in the same transaction.
 */

export const findMember = (db: Database, id: string): Promise<MemberDoc | null> => findById(db, memberModel, id);

/** A membership the caller names, read in a transaction: null when it is not there. */
export const findMemberInTx = (tx: Tx, id: string): Promise<MemberDoc | null> => findInTx(tx, memberModel, id);

export const readMemberInTx = async (tx: Tx, id: string): Promise<MemberDoc> => readInTx(tx, memberModel, id);

/** A membership written as a step left it (the caller appends the step's event in the same transaction). */
export const writeMemberInTx = async (tx: Tx, member: MemberDoc): Promise<void> => {
  await tx.collection('members').doc(member._id).set({ data: withoutId(member) });
};

/** P2: an erased person's membership, written outside a transaction (the erasure's steps can each be repeated). */
export const writeMember = async (db: Database, member: MemberDoc): Promise<void> => {
  await db.collection('members').doc(member._id).set({ data: withoutId(member) });
};

/** Issue 14: whether any property has an active manager (one read). */
export const activeManagerExists = async (db: Database): Promise<boolean> =>
  (await db.collection('members').where({ role: 'manager', status: 'active' }).limit(1).get()).data.length > 0;

/** The members of these ids that exist (one read). */
export const membersByIds = async (db: Database, ids: readonly string[]): Promise<MemberDoc[]> =>
  ids.length ? parseAll(memberModel, (await db.collection('members').where({ _id: db.command.in([...ids]) }).limit(ids.length).get()).data) : [];

/** R2: a property's active residents matching `match` (a room among theirs, or a name's start), at most `limit`. */
export const activeResidentsWhere = async (db: Database, propertyId: string, match: object, limit: number): Promise<MemberDoc[]> =>
  parseAll(memberModel, (await db.collection('members').where({ propertyId, role: 'resident', status: 'active', ...match }).limit(limit).get()).data);

/** B1: a property's active residents by name, read through `read` (the timer's own reader quarantines a malformed one). */
export const activeResidentsByName = (db: Database, propertyId: string, read: (model: typeof memberModel, query: Query) => Promise<MemberDoc[]> = readAll) =>
  read(memberModel, db.collection('members').where({ propertyId, role: 'resident', status: 'active' }).orderBy('name', 'asc'));

/** A property's members of a role, active or not, by name. */
export const membersOfRoleByName = (db: Database, propertyId: string, role: MemberDoc['role']): Promise<MemberDoc[]> =>
  readAll(memberModel, db.collection('members').where({ propertyId, role, status: db.command.in(['active', 'inactive']) }).orderBy('name', 'asc'));

/** K2: a property's active members of these roles, by name (a property has a few dozen staff at most). */
export const activeOfRolesByName = async (db: Database, propertyId: string, roles: readonly MemberDoc['role'][]): Promise<MemberDoc[]> => {
  const res = await db.collection('members').where({ propertyId, role: db.command.in([...roles]), status: 'active' }).orderBy('name', 'asc').limit(100).get();
  return res.data.map((raw) => memberModel.parse(raw));
};

/** The openids of a role's active members in a property (the supervisors and managers pushed a copy of their inbox). */
export const activeOpenidsOfRole = async (db: Database, propertyId: string, role: string): Promise<string[]> =>
  parseAll(memberModel, (await db.collection('members').where({ propertyId, role, status: 'active' }).limit(20).get()).data).map((m) => m.openid);

/** Issue 7 (2): the residents (active or not) bound to any of these rooms (at most 100 ids). */
export const residentsOfRooms = async (db: Database, propertyId: string, roomIds: readonly string[]): Promise<MemberDoc[]> => {
  const _ = db.command;
  return parseAll(memberModel, (await db.collection('members').where({ propertyId, role: 'resident', status: _.in(['active', 'inactive']), roomIds: _.in([...roomIds]) }).limit(1000).get()).data);
};

/** Issue 7 (2): a resident's rooms after their building was renamed. */
export const moveMemberRooms = async (db: Database, id: string, roomIds: readonly string[]): Promise<void> => {
  await db.collection('members').doc(id).update({ data: { roomIds: [...roomIds] } });
};

/** The list source of a property's members matching `where`, by name. */
export const membersByName = (where: object): Source<MemberDoc> => ({ collection: 'members', where, sort: [{ field: 'name', order: 'asc' }], parse: (raw) => memberModel.parse(raw) });

/** The id of a membership made by the server: opaque (no openid), and one per person and property. */
export const memberIdFor = (propertyId: string, openid: string) => derivedId('mb', propertyId, openid);

/** The one membership of an openid in a property, active or not (a former member who comes back keeps its id). */
export const membershipIn = async (db: Database, propertyId: string, openid: string): Promise<MemberDoc | null> => {
  if (!openid) return null;
  const res = await db.collection('members').where({ propertyId, openid }).limit(1).get();
  return parseAll(memberModel, res.data)[0] ?? null;
};

/** The caller's active membership in one property, looked up on every call; null when there is none. */
export const resolveMember = async (db: Database, propertyId: string, openid: string): Promise<MemberDoc | null> => {
  const member = await membershipIn(db, propertyId, openid);
  return member && member.status === 'active' ? member : null;
};

export const membershipsOf = async (db: Database, openid: string): Promise<MemberDoc[]> => {
  if (!openid) return [];
  const res = await db.collection('members').where({ openid, status: 'active' }).limit(100).get();
  return parseAll(memberModel, res.data);
};

/** Every active member of a role in a property (a property has a few dozen staff at most). */
export const activeMembers = async (db: Database, propertyId: string, role: MemberDoc['role']): Promise<MemberDoc[]> =>
  parseAll(memberModel, (await db.collection('members').where({ propertyId, role, status: 'active' }).limit(200).get()).data);

/** Issue 14 (1): whether a property was deactivated, read from its document (never cached: it takes effect at the next call). */
export const propertyClosed = async (db: Database, propertyId: string): Promise<boolean> =>
  (await findProperty(db, propertyId))?.status === 'inactive';

/**
 * Issue 14 (1), issue 16: the caller's active membership in a property and the property's status, in one
 * query: the membership by (propertyId, openid) as `resolveMember` reads it, and the property's copy of its
 * status (`property-shadow.model.ts`), which holds that property's id and an openid no person has. The
 * members' unique (propertyId, openid) index serves it (`Command.in`,
 * https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/database/command/Command.in.html).
 * `closed` is null when the property has no copy yet: the caller reads the property's document then
 * (`propertyClosed`), never guesses. Read on every call, never cached: a deactivation counts at the next call.
 */
export const memberAndStatus = async (db: Database, propertyId: string, openid: string): Promise<{ member: MemberDoc | null; closed: boolean | null }> => {
  if (!openid) return { member: null, closed: null };
  const res = await db.collection('members').where({ propertyId, openid: db.command.in([openid, PROPERTY_SHADOW_OPENID]) }).limit(2).get();
  const shadowId = propertyShadowId(propertyId);
  let member: MemberDoc | null = null;
  let closed: boolean | null = null;
  for (const raw of res.data as { _id?: unknown }[]) {
    if (raw._id === shadowId) closed = parseStored(propertyShadowModel, raw).propertyStatus === 'inactive';
    else member = parseStored(memberModel, raw);
  }
  return { member: member && member.status === 'active' ? member : null, closed };
};

/** The copy of a property's status, in a transaction: what the deactivation writes with the property's own document. */
export const writePropertyShadowInTx = async (tx: Tx, propertyId: string, status: PropertyShadowDoc['propertyStatus']): Promise<void> => {
  await tx.collection('members').doc(propertyShadowId(propertyId)).set({ data: withoutId(propertyShadow(propertyId, status)) });
};

/**
 * The copy of an active property's status, inserted where there is none: never over a copy that is there,
 * which the deactivation may have written since the property was read (a copy there is never older than
 * its property's status: only the deactivation changes it, in the same transaction). Answers whether it
 * inserted one. A property read inactive has its copy set: nothing ever makes it active again.
 */
export const insertPropertyShadow = async (db: Database, propertyId: string, status: PropertyShadowDoc['propertyStatus']): Promise<boolean> => {
  const shadow = propertyShadow(propertyId, status);
  if (status === 'inactive') {
    await db.collection('members').doc(shadow._id).set({ data: withoutId(shadow) });
    return true;
  }
  try {
    await db.collection('members').add({ data: shadow });
    return true;
  } catch (e) {
    if (isDuplicateKey(e)) return false;
    throw e;
  }
};

/** Which of these properties have a copy of their status (one read; at most 100 ids). */
export const propertiesWithShadow = async (db: Database, propertyIds: readonly string[]): Promise<Set<string>> => {
  if (!propertyIds.length) return new Set();
  const res = await db.collection('members').where({ _id: db.command.in(propertyIds.map(propertyShadowId)) }).limit(propertyIds.length).get();
  return new Set(parseAll(propertyShadowModel, res.data).map((s) => s.propertyId));
};
