import * as z from 'zod/mini';
import { Relation } from '@shared/model/binding.model';

/** What someone has typed so far to ask for a room; kept until sent, since 王阿姨 types slowly. */
export const BindDraft = z.object({
  /** The property found (from the scanned code, or looked up by its id); '' until then. */
  propertyId: z.string(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  name: z.string(),
  relation: z.nullable(Relation),
  phone: z.string(),
  /** Set on the first send; a second tap after a dropped network resends under the same id. */
  commandId: z.nullable(z.string()),
});
export type BindDraft = z.infer<typeof BindDraft>;

export const BIND_DRAFT_KEY = 'draft.bind';

export const emptyBindDraft = (): BindDraft => ({
  propertyId: '',
  building: '',
  unit: '',
  room: '',
  name: '',
  relation: null,
  phone: '',
  commandId: null,
});
