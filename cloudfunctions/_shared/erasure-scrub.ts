import { maskPhone } from '@shared/domain/phone';
import { ERASED_NAME } from '@shared/model/erasure.model';
import type { Database } from './database';
import type { Rewrite } from './repo';
import { eraseFromCommands } from './commands';
import { eraseFromNotices } from './outbox';
import { eraseRepairCallers, rewriteRepairs, storedRepairs } from './repairs.repo';
import { rewriteComplaints, storedComplaints } from './complaints.repo';
import { rewriteCallbacks, storedCallbacks } from './callbacks';
import { rewriteEvents, storedEventsAbout } from './events';

/**
 * What else shows her, found and rewritten by the areas that own it (members/privacy.ts: the keys left at the desk for
 * her repairs, the room invitations she made and the bindings made with them): the ids of what it found, for the
 * records and notices about them, and the rewrite of its own texts.
 */
export interface Elsewhere {
  ids: readonly string[];
  rewrite: (rewrite: Rewrite) => Promise<unknown>;
}

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
  /** Started by the caller beside the erasure's other first reads. */
  elsewhere: Promise<Elsewhere>;
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
 * orders the desk registered for her. Two waits after what else shows her is found (the records and notices about
 * all of it, then the writes together), run beside the erasure's other steps and finished before her membership is
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
  const [repairIds, complaintIds, callbackIds] = [person.repairs, person.complaints, person.callbacks].map((list) => list.map((t) => t._id));
  const subjects = [...repairIds!, ...complaintIds!, ...callbackIds!, ...person.bindings.map((b) => b._id), person.request._id];
  const [repairs, complaints, callbacks, events] = await Promise.all([
    storedRepairs(db, repairIds!),
    storedComplaints(db, complaintIds!),
    storedCallbacks(db, callbackIds!),
    storedEventsAbout(db, person.propertyId, subjects),
  ]);
  await Promise.all([rewriteRepairs(db, repairs, rewrite), rewriteComplaints(db, complaints, rewrite), rewriteCallbacks(db, callbacks, rewrite), rewriteEvents(db, events, rewrite)]);
};

const scrubbing = async (db: Database, person: ErasedPerson): Promise<void> => {
  const { propertyId } = person;
  const rewrite = rewriteOf(db, person);
  const elsewhere = await person.elsewhere;
  const groups = person.complaints.flatMap((k) => (k.groupId ? [k.groupId] : []));
  const rooms = [...(person.member?.roomIds ?? []), ...person.bindings.map((b) => b.roomId)];
  // Every record and notice about something that shows her: her tickets and their groups, her bindings and request,
  // what else shows her (keys, invitations and the bindings made with them), and her rooms (a resident file's answer
  // lists the room's residents).
  const subjects = [
    ...new Set([
      ...[...person.repairs, ...person.complaints, ...person.callbacks].map((t) => t._id),
      ...groups,
      ...person.bindings.map((b) => b._id),
      person.request._id,
      ...elsewhere.ids,
      ...rooms,
    ]),
  ];
  const writes = await Promise.all([eraseFromCommands(db, propertyId, person.openid, subjects, rewrite), eraseFromNotices(db, propertyId, subjects, rewrite)]);
  await Promise.all([...writes.map((write) => write()), eraseRepairCallers(db, person.repairs, rewrite), elsewhere.rewrite(rewrite)]);
};
