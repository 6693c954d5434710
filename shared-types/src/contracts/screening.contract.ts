import * as z from 'zod/mini';
import { Verdict } from '../model/screening.model';

/** One screened item as the desk sees it: the verdict, the check's label, and whether it is kept from others. */
export const ScreenView = z.object({
  verdict: Verdict,
  label: z.nullable(z.number().check(z.int())),
  /** Kept from technicians, notices and the staff group. */
  held: z.boolean(),
  /** Flagged and not yet decided: counted on the desk's queue. */
  awaitsDesk: z.boolean(),
  decision: z.nullable(z.object({ action: z.enum(['release', 'redact']), by: z.string(), at: z.string() })),
});
export type ScreenView = z.infer<typeof ScreenView>;

/** Issue 13 (1.9): a ticket's screening, for the desk side only; `photos` follows the ticket's photos. */
export const ScreeningView = z.object({ text: ScreenView, photos: z.array(ScreenView) });
export type ScreeningView = z.infer<typeof ScreeningView>;

/** What the desk decides on: the ticket's text, or one of its photos by its place in `photos`. */
export const ScreenItem = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text') }),
  z.strictObject({ kind: z.literal('photo'), index: z.number().check(z.int(), z.gte(0), z.lte(5)) }),
]);
export type ScreenItem = z.infer<typeof ScreenItem>;

export const decisionFields = { item: ScreenItem, decision: z.enum(['release', 'redact']) };
