import { quarantineModel } from '@shared/model/quarantine.model';
import type { TimerStep } from '@shared/model/environment.model';
import type { Deps } from './deps';
import { derivedId } from './ids';
import { parseAll, rawIfThere, withoutId, type StoredDocumentError } from './repo';

export type Quarantined = 'moved' | 'gone' | 'valid' | 'newer';

const schemaVersionOf = (raw: Record<string, unknown>) => (typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1);

/**
 * Issue 12 (3.8): moves a document that failed its model out of its collection into `quarantine`,
 * whole and with the reason, in one transaction, so no sweep reads it again. It is read again first:
 * one rewritten meanwhile (or moved by an overlapping run) stays where it is, and one written by
 * newer code (a schema version this code has no model for, during a deploy) is never moved.
 */
export const quarantine = async (deps: Deps, found: StoredDocumentError, step: TimerStep): Promise<Quarantined> => {
  const now = deps.now();
  return deps.db.runTransaction(async (tx) => {
    const ref = tx.collection(found.collection).doc(found.id);
    const stored = await rawIfThere(ref);
    if (stored === null) return 'gone';
    if (schemaVersionOf(stored) > found.model.version) return 'newer';
    if (found.model.safeParse(stored).success) return 'valid';
    const doc = quarantineModel.toStored({
      _id: derivedId('qr', found.collection, found.id, now.toISOString()),
      propertyId: typeof stored.propertyId === 'string' ? stored.propertyId : null,
      collection: found.collection,
      docId: found.id,
      reason: found.reason,
      foundBy: step,
      at: now.toISOString(),
      document: JSON.stringify(stored),
    });
    await tx.collection('quarantine').doc(doc._id).set({ data: withoutId(doc) });
    await ref.remove();
    return 'moved';
  });
};

/**
 * Issue 12 (3.8): what the timer set aside for a property or for the whole environment, as the health
 * page shows it: how many, and the newest `limit` parsed. Both go out at once.
 */
export const setAsideFor = async (deps: Pick<Deps, 'db'>, propertyId: string, limit: number) => {
  const setAside = deps.db.collection('quarantine').where({ propertyId: deps.db.command.in([propertyId, null]) });
  const [count, newest] = await Promise.all([setAside.count(), setAside.orderBy('at', 'desc').limit(limit).get()]);
  return { count: count.total, items: parseAll(quarantineModel, newest.data) };
};
