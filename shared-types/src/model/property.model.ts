import * as z from 'zod';
import { base, defineModel } from './versioned';

export const PropertyDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  name: z.string().min(1).max(60),
  deskPhone: z.string().max(20),
});
export type PropertyDoc = z.infer<typeof PropertyDoc>;
export const propertyModel = defineModel({ collection: 'properties', version: 1, schema: PropertyDoc });

export const roomId = (propertyId: string, building: string, unit: string, room: string) =>
  `${propertyId}:${building}-${unit}-${room}`;

export const RoomDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  building: z.string().min(1).max(10),
  unit: z.string().min(1).max(10),
  room: z.string().min(1).max(10),
  /** The spreadsheet import that wrote it: such a room exists for nobody until that import is complete. */
  importId: z.string().nullable(),
  /** Set while its building is being renamed: the name it is moving to (a rename cut short is resumed by it). */
  movingTo: z.string().optional(),
});
export type RoomDoc = z.infer<typeof RoomDoc>;
/** v1 rooms were all seeded or added by hand. */
export const roomModel = defineModel({ collection: 'rooms', version: 2, schema: RoomDoc, migrations: { 1: (doc) => ({ ...doc, importId: null }) } });

/** "3-2-1502": building 3, unit 2, room 1502, as desk staff type it. */
export const roomLabel = (r: { building: string; unit: string; room: string }) => `${r.building}-${r.unit}-${r.room}`;

/** The label of a room id made by `roomId` (property ids hold no ':'), without reading the room. */
export const roomLabelOfId = (id: string) => id.slice(id.indexOf(':') + 1);
