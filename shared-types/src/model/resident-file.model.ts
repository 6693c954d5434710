import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';

/** P1: a vehicle the property keeps on a household's file (for its parking records). */
export const Vehicle = z.object({ plate: z.string(), note: z.string() });
export type Vehicle = z.infer<typeof Vehicle>;

/**
 * P1: what the property itself keeps on a household, beside what bindings and imports already say
 * (its room, its residents and their contact, its repairs and complaints): vehicles and notes. One
 * per room; a room without one has nothing kept yet.
 */
export const ResidentFileDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  roomId: z.string(),
  vehicles: z.array(Vehicle),
  memo: z.string(),
  updatedBy: z.string(),
  updatedAt: isoInstant,
  version: z.number().int().positive(),
});
export type ResidentFileDoc = z.infer<typeof ResidentFileDoc>;
export const residentFileModel = defineModel({ collection: 'residentFiles', version: 1, schema: ResidentFileDoc });

export const FileGrantStatus = z.enum(['requested', 'granted', 'refused']);
export type FileGrantStatus = z.infer<typeof FileGrantStatus>;

/**
 * P1: a desk member's request to read one household's file, with the reason, and the supervisor's
 * answer: granted until a time, or refused.
 */
export const FileGrantDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  roomId: z.string(),
  askedBy: z.object({ memberId: z.string(), name: z.string() }),
  reason: z.string(),
  status: FileGrantStatus,
  /** Granted: reads are allowed before this instant. */
  until: isoInstant.nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: isoInstant.nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  version: z.number().int().positive(),
});
export type FileGrantDoc = z.infer<typeof FileGrantDoc>;
export const fileGrantModel = defineModel({ collection: 'fileGrants', version: 1, schema: FileGrantDoc });

/** P1: one read of a household's file: who, when, which file, why (the grant's reason). */
export const FileReadDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  roomId: z.string(),
  grantId: z.string(),
  reader: z.object({ memberId: z.string(), name: z.string() }),
  reason: z.string(),
  at: isoInstant,
});
export type FileReadDoc = z.infer<typeof FileReadDoc>;
export const fileReadModel = defineModel({ collection: 'fileReads', version: 1, schema: FileReadDoc });
