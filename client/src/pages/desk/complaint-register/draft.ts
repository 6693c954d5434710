import * as z from 'zod/mini';
import { ComplaintFieldsDraft, emptyComplaintFields } from '../../../components/ComplaintFields/fields';
import { ChosenResident } from '../register/draft';

export const complaintChannels = ['phone', 'walk_in', 'letter', 'email'] as const;

/** What the desk has taken down so far; kept until registered, so a second call never wipes the first. */
export const ComplaintRegisterDraft = z.extend(ComplaintFieldsDraft, {
  resident: z.nullable(ChosenResident),
  roomId: z.nullable(z.string()),
  channel: z.enum(complaintChannels),
  callerName: z.string(),
  phone: z.string(),
  /** C1: the desk has apologised on the department's behalf; registering needs it. */
  apologised: z.boolean(),
  commandId: z.nullable(z.string()),
});
export type ComplaintRegisterDraft = z.infer<typeof ComplaintRegisterDraft>;

export const complaintRegisterDraftKey = (propertyId: string, memberId: string) => `draft.complaintRegister.${propertyId}.${memberId}`;

export const emptyComplaintRegisterDraft = (now: Date = new Date()): ComplaintRegisterDraft => ({
  ...emptyComplaintFields(now),
  resident: null,
  roomId: null,
  channel: 'phone',
  callerName: '',
  phone: '',
  apologised: false,
  commandId: null,
});
