import * as z from 'zod';
import { Verdict } from '../model/screening.model';

/** One screened item as the desk sees it: the verdict, the check's label, and whether it is kept from others. */
export const ScreenView = z.object({
  verdict: Verdict,
  label: z.number().int().nullable(),
  /** Kept from technicians, notices and the staff group. */
  held: z.boolean(),
  /** Flagged and not yet decided: counted on the desk's queue. */
  awaitsDesk: z.boolean(),
  decision: z.object({ action: z.enum(['release', 'redact']), by: z.string(), at: z.string() }).nullable(),
});
export type ScreenView = z.infer<typeof ScreenView>;

/** Issue 13 (1.9): a ticket's screening, for the desk side only; `photos` follows the ticket's photos. */
export const ScreeningView = z.object({ text: ScreenView, photos: z.array(ScreenView) });
export type ScreeningView = z.infer<typeof ScreeningView>;

/** What the desk decides on: the ticket's text, or one of its photos by its place in `photos`. */
export const ScreenItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text') }).strict(),
  z.object({ kind: z.literal('photo'), index: z.number().int().min(0).max(5) }).strict(),
]);
export type ScreenItem = z.infer<typeof ScreenItem>;

export const decisionFields = { item: ScreenItem, decision: z.enum(['release', 'redact']) };
