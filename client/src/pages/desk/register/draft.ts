import * as z from 'zod/mini';
import { PreferredTime, RepairCategory } from '@shared/model/repair.model';
import { PlaceChoice } from '../../../components/ComplaintFields/fields';

export const ChosenResident = z.object({
  residentId: z.string(),
  name: z.string(),
  phone: z.string(),
  rooms: z.array(z.object({ roomId: z.string(), label: z.string() })),
});
export type ChosenResident = z.infer<typeof ChosenResident>;

/** What the desk has taken down so far; kept until registered, so a second call never wipes the first. */
export const RegisterDraft = z.object({
  resident: z.nullable(ChosenResident),
  roomId: z.nullable(z.string()),
  /** Issue 18 (5): the caller's room, or a public place she reports; drafts kept before it are for a room. */
  where: z._default(z.enum(['room', 'public']), 'room'),
  publicPlace: z._default(z.nullable(PlaceChoice), null),
  floor: z._default(z.string(), ''),
  /** Issue 18 (5): a public place's repair nobody reported (a staff member's round, an anonymous caller), and its building. */
  noReporter: z._default(z.boolean(), false),
  building: z._default(z.string(), ''),
  channel: z.enum(['phone', 'walk_in']),
  callerName: z.string(),
  phone: z.string(),
  category: z.nullable(RepairCategory),
  description: z.string(),
  preferredTime: z.nullable(PreferredTime),
  /** Set on the first send; a second click after a dropped network resends under the same id. */
  commandId: z.nullable(z.string()),
});
export type RegisterDraft = z.infer<typeof RegisterDraft>;

export const registerDraftKey = (propertyId: string, memberId: string) => `draft.register.${propertyId}.${memberId}`;

export const emptyRegisterDraft = (): RegisterDraft => ({
  resident: null,
  roomId: null,
  where: 'room',
  publicPlace: null,
  floor: '',
  noReporter: false,
  building: '',
  channel: 'phone',
  callerName: '',
  phone: '',
  category: null,
  description: '',
  preferredTime: null,
  commandId: null,
});
