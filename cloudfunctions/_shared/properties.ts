import { propertyModel, type PropertyDoc } from '@shared/model/property.model';
import type { Database, Tx } from './database';
import type { Source } from './paging';
import { findById, findInTx, parseAll, withoutId, readInTx } from './repo';

/**
 * The company's properties (`properties`, issue 14): the only module that names the collection. In
 * `_shared/` because the router's membership check, the timer's sweeps, its heartbeat and the health
 * check read them, and `_shared/` imports no area; the members area creates and closes them through it.
 * A company has at most 100 properties.
 */
const MOST = 100;

export const findProperty = (db: Database, id: string): Promise<PropertyDoc | null> => findById(db, propertyModel, id);

/** The company's properties as stored, unparsed: for the timer and the heartbeat, which pass a malformed one by (or quarantine it) and go on. */
export const storedProperties = async (db: Database, limit = MOST): Promise<unknown[]> => (await db.collection('properties').limit(limit).get()).data;

/** The company's properties (up to `limit`), in no order. */
export const companyProperties = async (db: Database, limit = MOST): Promise<PropertyDoc[]> => parseAll(propertyModel, await storedProperties(db, limit));

/** The company's properties by name (and id among equal names). */
export const propertiesByName = async (db: Database): Promise<PropertyDoc[]> =>
  parseAll(propertyModel, (await db.collection('properties').orderBy('name', 'asc').orderBy('_id', 'asc').limit(MOST).get()).data);

/** The properties of these ids that exist (one read). */
export const propertiesByIds = async (db: Database, ids: readonly string[]): Promise<PropertyDoc[]> =>
  ids.length ? parseAll(propertyModel, (await db.collection('properties').where({ _id: db.command.in([...ids]) }).limit(ids.length).get()).data) : [];

/** The list source of every property of the company, by name. */
export const propertiesByNameSource = (): Source<PropertyDoc> => ({ collection: 'properties', where: {}, sort: [{ field: 'name', order: 'asc' }], parse: (raw) => propertyModel.parse(raw) });

/** A property the caller names, read in a transaction: null when it is not there. */
export const findPropertyInTx = (tx: Tx, id: string): Promise<PropertyDoc | null> => findInTx(tx, propertyModel, id);

export const readPropertyInTx = async (tx: Tx, id: string): Promise<PropertyDoc> => readInTx(tx, propertyModel, id);

export const writePropertyInTx = async (tx: Tx, property: PropertyDoc): Promise<void> => {
  await tx.collection('properties').doc(property._id).set({ data: withoutId(property) });
};

/** A new property, by an insert: of creates racing each other one commits and the others find the id taken. */
export const insertPropertyInTx = async (tx: Tx, property: PropertyDoc): Promise<void> => {
  await tx.collection('properties').add({ data: property });
};
