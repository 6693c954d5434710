import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';

/** The most threads a member's marks keep; the oldest marks go first (their threads are long read). */
export const MAX_READ_MARKS = 300;

export const ReadUpTo = z.object({
  /** `threadKey` of the notices' subject: "repair:rp_…". */
  thread: z.string().check(z.minLength(3), z.maxLength(100)),
  /** The newest line of that thread she had when she opened it (ISO). */
  at: isoInstant,
});
export type ReadUpTo = z.infer<typeof ReadUpTo>;

/**
 * Issue 18 (3): how far a member has read each of her notice threads, kept on the server so every
 * phone she signs in on (and a reinstall) shows the same unread marks and the same badge. One
 * document per membership, read by its id.
 */
export const ReadMarkDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  memberId: z.string().check(z.minLength(1)),
  threads: z.array(ReadUpTo).check(z.maxLength(MAX_READ_MARKS)),
  updatedAt: isoInstant,
});
export type ReadMarkDoc = z.infer<typeof ReadMarkDoc>;
export const readMarkModel = defineModel({ collection: 'readMarks', version: 1, schema: ReadMarkDoc });
