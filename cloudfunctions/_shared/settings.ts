import { defaultSettings, settingsModel, type SettingsDoc } from '@shared/model/settings.model';
import type { Tx } from './database';
import type { Database, Deps } from './deps';
import { addInTx, findById, findInTx, withoutId, readInTx } from './repo';

/** A property's settings document, or null until one is stored. */
export const storedSettingsOf = (db: Database, propertyId: string): Promise<SettingsDoc | null> => findById(db, settingsModel, propertyId);

/** A property's settings as stored, or the defaults until a manager saves some: read now, never cached (the settings editor). */
export const readSettings = async (db: Database, propertyId: string): Promise<SettingsDoc> =>
  (await findById(db, settingsModel, propertyId)) ?? defaultSettings(propertyId);

/** Inside a command's transaction: a property's settings as stored, or null until a manager saves some (issue 16). */
export const findSettingsInTx = (tx: Tx, propertyId: string): Promise<SettingsDoc | null> => findInTx(tx, settingsModel, propertyId);

/** Inside a transaction: a property's settings as stored (the document must exist: `findSettingsInTx` where it may not). */
export const readSettingsInTx = async (tx: Tx, propertyId: string): Promise<SettingsDoc> => readInTx(tx, settingsModel, propertyId);

/** Inside a transaction: writes a property's whole settings document (a new property's, or a change to it). */
export const writeSettingsInTx = async (tx: Tx, propertyId: string, settings: SettingsDoc): Promise<void> => {
  await tx.collection('settings').doc(propertyId).set({ data: withoutId(settingsModel.toStored(settings)) });
};

/**
 * Inside a command's transaction: the settings document of a property that had none (`findSettingsInTx` found none),
 * added as one of its operations (`addInTx`: another call making it meanwhile ends the run, and the rerun reads it).
 */
export const addSettingsInTx = async (tx: Tx, settings: SettingsDoc): Promise<void> => addInTx(tx, 'settings', settingsModel.toStored(settings));

/**
 * Issue 16: how long a warm function instance answers a property's settings from memory. A
 * manager's change is seen by every function within 30 seconds of it (members.updateSettings
 * answers from the stored document at once); the membership and the property's status are never
 * cached. Clocked by `deps.now()`, so a test moves the clock across it.
 */
export const SETTINGS_FRESH_MS = 30_000;

/**
 * How many properties' settings one instance remembers. The settings are read before the caller is
 * authorised (beside the membership, issue 16), so a stranger naming made-up property ids must not grow
 * the instance's memory: past this many, the property read longest ago is forgotten first.
 */
export const SETTINGS_REMEMBERED = 256;

interface Remembered {
  settings: Promise<SettingsDoc>;
  readAt: number;
  /** The settings once read: what `rememberedSettings` answers without a wait. */
  read?: SettingsDoc;
}

/** Per database (one per warm instance in the cloud, one per runtime here), per property. */
const remembered = new WeakMap<Database, Map<string, Remembered>>();

const fresh = (known: Remembered, now: number) => now >= known.readAt && now - known.readAt < SETTINGS_FRESH_MS;

/** A property's settings for an action: from this instance's memory when read less than SETTINGS_FRESH_MS ago. */
export const loadSettings = (deps: Pick<Deps, 'db' | 'now'>, propertyId: string): Promise<SettingsDoc> => {
  const now = deps.now().getTime();
  const byProperty = remembered.get(deps.db) ?? new Map<string, Remembered>();
  remembered.set(deps.db, byProperty);
  const known = byProperty.get(propertyId);
  if (known && fresh(known, now)) return known.settings;
  const settings = readSettings(deps.db, propertyId);
  // Re-inserted, so the map's order is the order of reading and its first key the longest ago.
  byProperty.delete(propertyId);
  const entry: Remembered = { settings, readAt: now };
  byProperty.set(propertyId, entry);
  settings.then((read) => void (entry.read = read), () => undefined);
  for (const oldest of byProperty.keys()) {
    if (byProperty.size <= SETTINGS_REMEMBERED) break;
    byProperty.delete(oldest);
  }
  // A failed read is not remembered: the next call reads again.
  settings.catch(() => {
    if (byProperty.get(propertyId)?.settings === settings) byProperty.delete(propertyId);
  });
  return settings;
};

/**
 * A property's settings when this instance has read them less than SETTINGS_FRESH_MS ago, at once (no wait,
 * not even a turn of the event loop), else undefined: what loadSettings would answer from memory.
 */
export const rememberedSettings = (deps: Pick<Deps, 'db' | 'now'>, propertyId: string): SettingsDoc | undefined => {
  const known = remembered.get(deps.db)?.get(propertyId);
  return known && fresh(known, deps.now().getTime()) ? known.read : undefined;
};
