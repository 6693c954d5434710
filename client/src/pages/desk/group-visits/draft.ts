import * as z from 'zod/mini';
import type { GroupVisitInput } from '../../../hooks/useReception';
import { deskUi } from '../../../i18n/desk.zh-CN';
import { parseClock, shanghaiInstant } from '../../../utils/time';

/** What the desk has taken down of a group visit so far; kept until it is planned. */
export const GroupVisitDraft = z.object({
  /** As typed: one name a line, or separated by commas. */
  names: z.string(),
  headcount: z.string(),
  /** V3: the Shanghai day they arrive, and the times ("09:30" as typed) they arrive and leave that day. */
  arrivalDate: z.nullable(z.string()),
  arrivalTime: z.string(),
  departureTime: z.string(),
  itinerary: z.string(),
  /** Set on the first send; a second click after a dropped network resends under the same id. */
  commandId: z.nullable(z.string()),
});
export type GroupVisitDraft = z.infer<typeof GroupVisitDraft>;

export const groupVisitDraftKey = (propertyId: string, memberId: string) => `draft.groupVisit.${propertyId}.${memberId}`;

export const emptyGroupVisitDraft = (): GroupVisitDraft => ({
  names: '',
  headcount: '',
  arrivalDate: null,
  arrivalTime: '',
  departureTime: '',
  itinerary: '',
  commandId: null,
});

/** "张局长，李科长\n王主任" → ["张局长", "李科长", "王主任"]. */
export const namesOf = (typed: string): string[] =>
  typed
    .split(/[\n,，、;；]+/)
    .map((name) => name.trim())
    .filter(Boolean);

type TimeField = 'arrivalAt' | 'departureAt';

/**
 * V3: the visit to send, and what is wrong with its times: an arrival still to come and a departure
 * after it, the same day. Names, headcount and itinerary are the contract's to check.
 */
export const planOf = (draft: GroupVisitDraft, now: Date): { plan: Omit<GroupVisitInput, 'propertyId'>; errors: Partial<Record<TimeField, string>> } => {
  const t = deskUi.groupVisits;
  const arrival = draft.arrivalDate ? parseClock(draft.arrivalTime) : null;
  const departure = parseClock(draft.departureTime);
  const arrivalAt = draft.arrivalDate && arrival ? shanghaiInstant(draft.arrivalDate, arrival) : '';
  const departureAt = draft.arrivalDate && departure ? shanghaiInstant(draft.arrivalDate, departure) : '';
  const errors: Partial<Record<TimeField, string>> = {};
  if (!arrivalAt) errors.arrivalAt = t.fieldErrors.arrivalAt;
  else if (new Date(arrivalAt) <= now) errors.arrivalAt = t.arrivalPast;
  if (!departure) errors.departureAt = t.fieldErrors.departureAt;
  else if (arrivalAt && new Date(departureAt) <= new Date(arrivalAt)) errors.departureAt = t.departureBeforeArrival;
  return {
    plan: { names: namesOf(draft.names), headcount: Number(draft.headcount.trim()), arrivalAt, departureAt, itinerary: draft.itinerary.trim() },
    errors,
  };
};
