import { EngineError, ErrorCodes } from './errors';
import type { PendingWrite } from './storage';
import type { Doc, DocId } from './values';

/** Where events live, and how one names the document it is about (`subject.id`, as `appendEvent` writes it). */
const EVENTS = 'events';
const subjectIdOf = (event: Doc): string | null => {
  const subject = event.subject as { id?: unknown } | undefined;
  return typeof subject?.id === 'string' ? subject.id : null;
};

export class StatusWithoutEvent extends EngineError {
  constructor(
    readonly collection: string,
    readonly id: DocId,
    readonly from: unknown,
    readonly to: unknown,
  ) {
    super(
      ErrorCodes.requestFailed,
      `status of ${collection}/${String(id)} changed from ${JSON.stringify(from ?? null)} to ${JSON.stringify(to)} without an event about it in the same write (issue 15: every status change goes through its machine, which makes its event)`,
    );
    this.name = 'StatusWithoutEvent';
  }
}

/** Issue 16: a command record's journal carries its transaction's events (cloudfunctions/_shared/commands.ts). */
const journalOf = (doc: Doc): { collection?: unknown; doc?: Doc }[] => (Array.isArray(doc.journal) ? (doc.journal as { collection?: unknown; doc?: Doc }[]) : []);
const journaledEvents = (doc: Doc): Doc[] => journalOf(doc).flatMap((e) => (e.collection === EVENTS && e.doc ? [e.doc] : []));

/**
 * Issue 16: a document born in a transaction whose record journals it, with its birth event, is inserted after that
 * commit (commands.ts `JournalTx.create`): its event was committed with the decision, in the record the journal step
 * has not yet checked (`fanned: false`).
 */
const bornInJournal = (records: readonly Doc[], collection: string, id: string): boolean =>
  records.some(
    (r) =>
      r.fanned === false &&
      journalOf(r).some((e) => e.collection === collection && e.doc?._id === id) &&
      journaledEvents(r).some((e) => subjectIdOf(e) === id),
  );

/**
 * A test-only check at the commit (issue 15, 2): in the watched collections, a write that gives a
 * document a new `status` (a new document included: its birth) must commit, in the same write or
 * transaction, a document in `events` about it. `committed` reads a document as it stands before
 * the write (or, born from a command's journal, in its record: `bornInJournal`, read from `unchecked`, the committed
 * records). A removal is not a status change. Throws the first violation; nothing is committed.
 *
 * A watched `collection.field` is an entity that lives in a field of another's document while it is open (issue 16:
 * a key's open loan, `keys.loan`, whose `_id` is the loan's): one coming into the field is born or changed, one leaving
 * it is closed, one whose `status` there changes is changed; each must commit its event about the entity's own id.
 */
export const checkStatusEvents = (
  watched: ReadonlySet<string>,
  writes: readonly PendingWrite[],
  committed: (collection: string, id: DocId) => Doc | undefined,
  unchecked: () => readonly Doc[] = () => [],
): void => {
  const withEvent = new Set(writes.flatMap((w) => (!w.doc ? [] : w.collection === EVENTS ? [subjectIdOf(w.doc)] : w.collection === 'commands' ? journaledEvents(w.doc).map(subjectIdOf) : [])));
  const nested = [...watched].flatMap((name) => (name.includes('.') ? [name.split('.') as [string, string]] : []));
  for (const w of writes) {
    if (!w.doc) continue;
    if (watched.has(w.collection)) {
      const from = committed(w.collection, w.id)?.status;
      if (from !== w.doc.status && !withEvent.has(String(w.id)) && !(from === undefined && bornInJournal(unchecked(), w.collection, String(w.id))))
        throw new StatusWithoutEvent(w.collection, w.id, from, w.doc.status);
    }
    for (const [collection, field] of nested) {
      if (collection !== w.collection) continue;
      const before = (committed(w.collection, w.id)?.[field] ?? null) as Doc | null;
      const after = (w.doc[field] ?? null) as Doc | null;
      const beforeId = before ? String(before._id) : null;
      const afterId = after ? String(after._id) : null;
      if (beforeId !== null && beforeId !== afterId && !withEvent.has(beforeId)) throw new StatusWithoutEvent(`${collection}.${field}`, beforeId, before!.status, null);
      const changed = afterId !== null && (afterId !== beforeId || after!.status !== before!.status);
      if (changed && !withEvent.has(afterId)) throw new StatusWithoutEvent(`${collection}.${field}`, afterId, beforeId === afterId ? before!.status : null, after!.status);
    }
  }
};
