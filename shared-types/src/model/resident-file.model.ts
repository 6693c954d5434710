import * as z from 'zod/mini';
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
  version: z.number().check(z.int(), z.positive()),
});
export type ResidentFileDoc = z.infer<typeof ResidentFileDoc>;
export const residentFileModel = defineModel({ collection: 'residentFiles', version: 1, schema: ResidentFileDoc });

export const FileGrantStatus = z.enum(['requested', 'granted', 'refused', 'revoked']);
export type FileGrantStatus = z.infer<typeof FileGrantStatus>;

/**
 * P1: a desk member's request to read one household's file, with the reason, and the supervisor's
 * answer: granted until a time, or refused; a grant revoked before its time holds until the revoke.
 */
export const FileGrantDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  roomId: z.string(),
  askedBy: z.object({ memberId: z.string(), name: z.string() }),
  reason: z.string(),
  status: FileGrantStatus,
  /** Granted: reads are allowed before this instant. Revoked: the instant it was revoked. */
  until: z.nullable(isoInstant),
  decidedBy: z.nullable(z.string()),
  decidedAt: z.nullable(isoInstant),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  version: z.number().check(z.int(), z.positive()),
});
export type FileGrantDoc = z.infer<typeof FileGrantDoc>;
export const fileGrantModel = defineModel({ collection: 'fileGrants', version: 1, schema: FileGrantDoc });

/**
 * P1: one entry of the access log: a read of a household's file (who, when, which file, why: the
 * grant's reason, or the supervisor's own when he reads without one), or the supervisor revoking a
 * grant before its time (who revoked, whose grant, its reason).
 */
export const FileReadDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  act: z.enum(['read', 'revoke']),
  roomId: z.string(),
  /** The grant read under or revoked; null for the supervisor's own read. */
  grantId: z.nullable(z.string()),
  reader: z.object({ memberId: z.string(), name: z.string() }),
  /** A revoke: the name of the grant's holder. */
  holder: z.nullable(z.string()),
  reason: z.string(),
  at: isoInstant,
});
export type FileReadDoc = z.infer<typeof FileReadDoc>;
export const fileReadModel = defineModel({
  collection: 'fileReads',
  version: 2,
  schema: FileReadDoc,
  // v1 logged reads under a grant only.
  migrations: { 1: (doc) => ({ ...doc, act: 'read', holder: null }) },
});
