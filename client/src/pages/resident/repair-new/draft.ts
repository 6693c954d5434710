import * as z from 'zod';
import { PreferredTime, RepairCategory } from '@shared/model/repair.model';

/** What the resident has typed so far, as it is kept on the phone until it is sent. */
export const RepairDraft = z.object({
  roomId: z.string(),
  category: RepairCategory.nullable(),
  description: z.string(),
  photos: z.array(z.string()),
  preferredTime: PreferredTime.nullable(),
  /** Set on the first send; a second tap after a dropped network resends under the same id. */
  commandId: z.string().nullable(),
});
export type RepairDraft = z.infer<typeof RepairDraft>;

/** Per property and person: on a shared browser (the local demo) each person keeps their own draft. */
export const draftKey = (propertyId: string, memberId: string) => `draft.repair.${propertyId}.${memberId}`;

export const emptyDraft = (roomId: string): RepairDraft => ({
  roomId,
  category: null,
  description: '',
  photos: [],
  preferredTime: null,
  commandId: null,
});
