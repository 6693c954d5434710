import * as z from 'zod/mini';

/**
 * The completion form as it is kept on the phone until sent: kept photo references, not uploads, and
 * the materials used. A draft kept before issue 12 also holds prices, which are not read any more.
 */
export const CompleteDraft = z.object({
  before: z.array(z.string()),
  after: z.array(z.string()),
  materials: z.array(z.object({ name: z.string(), qty: z.number().check(z.int(), z.gte(1)) })),
});
export type CompleteDraft = z.infer<typeof CompleteDraft>;

export const completeDraftKey = (repairId: string) => `onsite.complete.${repairId}`;

export const emptyCompleteDraft = (): CompleteDraft => ({ before: [], after: [], materials: [] });
