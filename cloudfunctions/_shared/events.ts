import type { TransitionEvent } from '@shared/domain/state-machine';
import { eventModel } from '@shared/model/event.model';
import { derivedId } from './ids';
import { journalOf, journaledEventsAbout } from './commands';
import { everyPageIn, rewriteStored, withoutId, type Rewrite, type StoredDoc } from './repo';
import type { Database, QueryResult, Tx } from './database';

/** Appends a transition to the events collection inside the transaction that makes it (a command's: in its journal). */
export const appendEvent = async (
  tx: Tx,
  subject: { kind: string; id: string; propertyId: string },
  event: TransitionEvent<string, string>,
  commandId: string,
  /** What makes the event's id unique on its subject: the version it made, unless it made none. */
  key = String(event.version),
): Promise<void> => {
  const doc = eventModel.toStored({
    _id: derivedId('ev', subject.id, key),
    propertyId: subject.propertyId,
    subject: { kind: subject.kind, id: subject.id },
    machine: event.machine,
    action: event.action,
    from: event.from,
    to: event.to,
    actor: event.actor,
    role: event.role,
    reason: event.reason,
    at: event.at,
    deviceAt: event.deviceAt,
    version: event.version,
    commandId,
  });
  // Issue 16: in a command's transaction the event travels in its record (commands.ts `JournalTx`).
  const journal = journalOf(tx);
  if (journal) journal.create('events', doc);
  else await tx.collection('events').doc(doc._id).set({ data: withoutId(doc) });
};

/**
 * A subject's events by time, `limit` of them from the oldest (`asc`) or the newest (`desc`), as
 * stored: the caller parses them once it knows it may show them (the repair and complaint
 * histories, the settings change list). Issue 16: a command's events are stored by the timer's
 * journal step, so those of the last minute or so are read from the journals of the records about
 * the subject that it has not checked yet, beside the stored ones (one wait): the history shows a
 * step the moment it has committed. An event both stored and still journaled is shown once.
 */
export const eventsOf = async (db: Database, propertyId: string, subjectId: string, order: 'asc' | 'desc', limit: number): Promise<QueryResult> => {
  const [stored, journaled] = await Promise.all([
    db.collection('events').where({ propertyId, 'subject.id': subjectId }).orderBy('at', order).limit(limit).get(),
    journaledEventsAbout(db, propertyId, subjectId),
  ]);
  if (journaled.length === 0) return stored;
  const byId = new Map<string, StoredDoc>();
  for (const doc of [...(stored.data as StoredDoc[]), ...journaled]) if (!byId.has(doc._id)) byId.set(doc._id, doc);
  const at = (doc: StoredDoc) => String(doc.at);
  const sign = order === 'asc' ? 1 : -1;
  // A stable sort: events of one time keep the order they were stored or journaled in.
  const data = [...byId.values()].sort((a, b) => sign * (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0)).slice(0, limit);
  return { ...stored, data };
};

/** PIPL (erasure): the events about these subjects, as stored, and their texts rewritten where they name her. */
export const storedEventsAbout = (db: Database, propertyId: string, subjects: readonly string[]): Promise<StoredDoc[]> =>
  everyPageIn(db, 'events', { propertyId }, 'subject.id', subjects);
export const rewriteEvents = (db: Database, docs: readonly StoredDoc[], rewrite: Rewrite) => rewriteStored(db, 'events', docs, rewrite);
