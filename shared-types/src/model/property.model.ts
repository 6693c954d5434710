import * as z from 'zod/mini';
import { base, defineModel } from './versioned';

/**
 * One 小区 of the company. A deactivated property is read-only (issue 14, 1): every write in it is
 * refused, and nothing of it is deleted.
 */
export const PropertyDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  name: z.string().check(z.minLength(1), z.maxLength(60)),
  address: z.string().check(z.maxLength(100)),
  deskPhone: z.string().check(z.maxLength(20)),
  status: z.enum(['active', 'inactive']),
});
export type PropertyDoc = z.infer<typeof PropertyDoc>;
/** v1 properties were made by the bootstrap or the seed, before the company: active, no address recorded. */
export const propertyModel = defineModel({ collection: 'properties', version: 2, schema: PropertyDoc, migrations: { 1: (doc) => ({ ...doc, address: '', status: 'active' }) } });

export const roomId = (propertyId: string, building: string, unit: string, room: string) =>
  `${propertyId}:${building}-${unit}-${room}`;

export const RoomDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  building: z.string().check(z.minLength(1), z.maxLength(10)),
  unit: z.string().check(z.minLength(1), z.maxLength(10)),
  room: z.string().check(z.minLength(1), z.maxLength(10)),
  /** The spreadsheet import that wrote it: such a room exists for nobody until that import is complete. */
  importId: z.nullable(z.string()),
  /** Set while its building is being renamed: the name it is moving to (a rename cut short is resumed by it). */
  movingTo: z.optional(z.string()),
});
export type RoomDoc = z.infer<typeof RoomDoc>;
/** v1 rooms were all seeded or added by hand. */
export const roomModel = defineModel({ collection: 'rooms', version: 2, schema: RoomDoc, migrations: { 1: (doc) => ({ ...doc, importId: null }) } });

/** "3-2-1502": building 3, unit 2, room 1502, as desk staff type it. */
export const roomLabel = (r: { building: string; unit: string; room: string }) => `${r.building}-${r.unit}-${r.room}`;

/** The label of a room id made by `roomId` (property ids hold no ':'), without reading the room. */
export const roomLabelOfId = (id: string) => id.slice(id.indexOf(':') + 1);
