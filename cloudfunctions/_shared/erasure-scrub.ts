import { maskPhone } from '@shared/domain/phone';
import { ERASED_NAME } from '@shared/model/erasure.model';
import type { Database } from './database';
import { everyPage } from './repo';
import { eraseFromCommands } from './commands';
import { eraseFromNotices } from './outbox';
import { eraseRepairCallers } from './repairs.repo';

/** What of the erased person the kept records may still name: every name and number she was known by in the property. */
export interface ErasedPerson {
  propertyId: string;
  openid: string;
  /** The erasure request (its id is a notice's subject); its `name` is kept until the erasure is done. */
  request: { _id: string; name: string };
  member: { _id: string; name: string; phone: string; roomIds: readonly string[] } | null;
  bindings: readonly { _id: string; name: string; phone: string; roomId: string }[];
  repairs: Parameters<typeof eraseRepairCallers>[1];
  /** A complaint that joined a group (C3) names the group, whose view lists its households' residents. */
  complaints: readonly { _id: string; residentName: string; phone: string; groupId: string | null }[];
  callbacks: readonly { _id: string }[];
}

/** Shorter than this, a "name" or "number" would match unrelated text (an erased one is empty). */
const SHORTEST = 2;

/**
 * Every string in `value` with each of her names replaced by ERASED_NAME (as the erasure renames her repairs) and
 * each of her numbers (in full and masked as 138****0302, which with her room still identifies her) removed.
 */
const scrubbed = (value: unknown, names: readonly string[], phones: readonly string[]): unknown => {
  if (typeof value === 'string') {
    let text = value;
    for (const phone of phones) text = text.split(phone).join('');
    for (const name of names) text = text.split(name).join(ERASED_NAME);
    return text;
  }
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, names, phones));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubbed(v, names, phones)]));
  return value;
};

/** The update that stops a stored document naming her: each changed top-level field (an object replaced whole), or null. */
const rewriteFor = (db: Database, names: readonly string[], phones: readonly string[]) => (doc: Record<string, unknown>): Record<string, unknown> | null => {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === '_id') continue;
    const after = scrubbed(value, names, phones);
    if (JSON.stringify(after) === JSON.stringify(value)) continue;
    data[key] = after !== null && typeof after === 'object' ? db.command.set(after) : after;
  }
  return Object.keys(data).length ? data : null;
};

const distinct = (list: readonly string[]) => [...new Set(list.filter((s) => s.length >= SHORTEST && s !== ERASED_NAME))];

/**
 * PIPL erasure, beyond the records of her own (members.erase, cloudfunctions/members/privacy.ts): the command
 * records she sent go, and the texts that still name her are rewritten: other people's command records about what
 * shows her (their answers carry her name and number: her tickets and their groups, her bindings and request, the keys
 * left for her repairs, her invitations and the bindings made with them, her rooms' files) or with a journal not yet
 * checked, the notices about the same, those keys, invitations and bindings themselves, and the call records of
 * orders the desk registered for her. Three waits (what else shows her, then the records and notices about all of
 * it, then the writes together), run beside the erasure's other steps and finished before her membership is
 * rewritten: the membership is where a call that repeats one cut short reads her number again (her name stays on
 * the erasure request until it is done). It can be repeated: one that finds nothing naming her writes nothing.
 */
export const scrubErasedPerson = (db: Database, person: ErasedPerson): Promise<void> => {
  const scrub = scrubbing(db, person);
  // Started beside the erasure's other steps and awaited before her membership is rewritten: should one of those
  // fail first, the call ends before awaiting it, and its failure is the next call's to finish, not an unhandled one.
  scrub.catch((e: unknown) => console.warn('erasure: the scrub of the kept records did not finish; calling again finishes it', e));
  return scrub;
};

type Raw = Record<string, unknown> & { _id: string };

/** Each document's texts rewritten where they name her (`rewrite`): one update each, side by side. */
const rewriteEach = (db: Database, collection: string, docs: readonly Raw[], rewrite: ReturnType<typeof rewriteFor>) =>
  Promise.all(
    docs.flatMap((doc) => {
      const data = rewrite(doc);
      return data ? [db.collection(collection).doc(doc._id).update({ data })] : [];
    }),
  );

/** The rewrite that takes out every name and number she was known by (her numbers in full and masked). */
const rewriteOf = (db: Database, person: ErasedPerson) => {
  const names = distinct([person.request.name, person.member?.name ?? '', ...person.bindings.map((b) => b.name), ...person.repairs.map((r) => r.residentName ?? ''), ...person.complaints.map((k) => k.residentName)]);
  const numbers = distinct([person.member?.phone ?? '', ...person.bindings.map((b) => b.phone), ...person.repairs.map((r) => r.phone), ...person.complaints.map((k) => k.phone)]);
  return rewriteFor(db, names, distinct([...numbers, ...numbers.map(maskPhone)]));
};

/**
 * PIPL: what was typed about her in her own tickets (her description with her number, the desk's reply, notes and
 * callback notes by her name) and in their events, rewritten once the erasure has anonymised those tickets field by
 * field: they are read again here, since a rewrite of a document read before would put back what that took out (a
 * field holding an object is replaced whole). Two waits; run before her membership is rewritten, as the scrub.
 */
export const scrubOwnTickets = async (db: Database, person: ErasedPerson): Promise<void> => {
  const rewrite = rewriteOf(db, person);
  const _ = db.command;
  const byIds = (collection: string, ids: readonly string[]) =>
    ids.length ? (everyPage(db.collection(collection).where({ _id: _.in([...ids]) })) as Promise<Raw[]>) : Promise.resolve([]);
  const tickets = { repairs: person.repairs.map((r) => r._id), complaints: person.complaints.map((k) => k._id), callbacks: person.callbacks.map((c) => c._id) };
  const subjects = [...tickets.repairs, ...tickets.complaints, ...tickets.callbacks, ...person.bindings.map((b) => b._id), person.request._id];
  const [repairs, complaints, callbacks, events] = await Promise.all([
    byIds('repairs', tickets.repairs),
    byIds('complaints', tickets.complaints),
    byIds('callbacks', tickets.callbacks),
    everyPage(db.collection('events').where({ propertyId: person.propertyId, 'subject.id': _.in(subjects) })) as Promise<Raw[]>,
  ]);
  await Promise.all([
    rewriteEach(db, 'repairs', repairs, rewrite),
    rewriteEach(db, 'complaints', complaints, rewrite),
    rewriteEach(db, 'callbacks', callbacks, rewrite),
    rewriteEach(db, 'events', events, rewrite),
  ]);
};

const scrubbing = async (db: Database, person: ErasedPerson): Promise<void> => {
  const { propertyId } = person;
  const _ = db.command;
  const rewrite = rewriteOf(db, person);
  // What else names her, by the indexes that hold it: the keys left at the desk for her repairs (K2: who left
  // each and who took it back are typed by the desk), and the owner's invitations she made (issue 18 (5)), whose
  // bindings name her as the one who invited them.
  const repairIds = person.repairs.map((r) => r._id);
  const [leftKeys, invitations] = (await Promise.all([
    repairIds.length ? everyPage(db.collection('leftKeys').where({ propertyId, repairId: _.in(repairIds) })) : [],
    person.member ? everyPage(db.collection('roomInvitations').where({ propertyId, 'createdBy.memberId': person.member._id })) : [],
  ])) as [Raw[], (Raw & { used?: { bindingId: string } | null })[]];
  const invitedIds = invitations.flatMap((i) => (i.used ? [i.used.bindingId] : []));
  const groups = person.complaints.flatMap((k) => (k.groupId ? [k.groupId] : []));
  const rooms = [...(person.member?.roomIds ?? []), ...person.bindings.map((b) => b.roomId)];
  // Every record and notice about something that shows her: her tickets and their groups, her bindings and request,
  // those keys, invitations and bindings, and her rooms (a resident file's answer lists the room's residents).
  const subjects = [
    ...new Set([
      ...[...person.repairs, ...person.complaints, ...person.callbacks].map((t) => t._id),
      ...groups,
      ...person.bindings.map((b) => b._id),
      person.request._id,
      ...leftKeys.map((k) => k._id),
      ...invitations.map((i) => i._id),
      ...invitedIds,
      ...rooms,
    ]),
  ];
  const [invited, ...writes] = await Promise.all([
    invitedIds.length ? (everyPage(db.collection('bindings').where({ _id: _.in(invitedIds) })) as Promise<Raw[]>) : Promise.resolve([]),
    eraseFromCommands(db, propertyId, person.openid, subjects, rewrite),
    eraseFromNotices(db, propertyId, subjects, rewrite),
  ]);
  await Promise.all([
    ...writes.map((write) => write()),
    eraseRepairCallers(db, person.repairs, rewrite),
    rewriteEach(db, 'leftKeys', leftKeys, rewrite),
    rewriteEach(db, 'roomInvitations', invitations, rewrite),
    rewriteEach(db, 'bindings', invited, rewrite),
  ]);
};
