import * as z from 'zod/mini';
import { PreferredTime, RepairCategory } from '@shared/model/repair.model';
import { PlaceChoice } from '../../../components/ComplaintFields/fields';

/** What the resident has typed so far, as it is kept on the phone until it is sent. */
export const RepairDraft = z.object({
  roomId: z.string(),
  /** Issue 18 (5): one of her rooms, or a public place; drafts kept before it are for a room. */
  where: z._default(z.enum(['room', 'public']), 'room'),
  publicPlace: z._default(z.nullable(PlaceChoice), null),
  floor: z._default(z.string(), ''),
  category: z.nullable(RepairCategory),
  description: z.string(),
  photos: z.array(z.string()),
  preferredTime: z.nullable(PreferredTime),
  /** Set on the first send; a second tap after a dropped network resends under the same id. */
  commandId: z.nullable(z.string()),
});
export type RepairDraft = z.infer<typeof RepairDraft>;

/** Per property and person: on a shared browser (the local demo) each person keeps their own draft. */
export const draftKey = (propertyId: string, memberId: string) => `draft.repair.${propertyId}.${memberId}`;

export const emptyDraft = (roomId: string): RepairDraft => ({
  roomId,
  where: 'room',
  publicPlace: null,
  floor: '',
  category: null,
  description: '',
  photos: [],
  preferredTime: null,
  commandId: null,
});
