import * as z from 'zod/mini';
import { ComplaintFieldsDraft, emptyComplaintFields } from '../../../components/ComplaintFields/fields';

/** What the resident has written so far, kept on the phone until it is sent. */
export const ComplaintDraft = z.extend(ComplaintFieldsDraft, {
  roomId: z.string(),
  photos: z.array(z.string()),
  /** Set on the first send; a second tap after a dropped network resends under the same id. */
  commandId: z.nullable(z.string()),
});
export type ComplaintDraft = z.infer<typeof ComplaintDraft>;

/** Per property and person, like the repair draft. */
export const complaintDraftKey = (propertyId: string, memberId: string) => `draft.complaint.${propertyId}.${memberId}`;

export const emptyComplaintDraft = (roomId: string, now: Date = new Date()): ComplaintDraft => ({
  ...emptyComplaintFields(now),
  roomId,
  photos: [],
  commandId: null,
});
