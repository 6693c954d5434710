import { defaultSettings, settingsModel, type SettingsDoc } from '@shared/model/settings.model';
import type { Database } from './deps';
import { findById } from './repo';

/** A property's settings, or the defaults until a manager saves some. Read on each call that needs them. */
export const loadSettings = async (db: Database, propertyId: string): Promise<SettingsDoc> =>
  (await findById(db, settingsModel, propertyId)) ?? defaultSettings(propertyId);
