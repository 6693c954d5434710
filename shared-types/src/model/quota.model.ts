import * as z from 'zod/mini';
import { base, defineModel, calendarDate } from './versioned';

/**
 * Issue 12 (4): what one person has filed of one kind on one Shanghai day: how many, and under which
 * command keys (a command sent again is the same filing). Its id is derived from the person, so it
 * stores no openid.
 */
export const QuotaDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: z.enum(['repairs', 'complaints', 'bookings', 'bindingRequests', 'roomInvitations']),
  date: calendarDate,
  count: z.number().check(z.int(), z.gte(0)),
  claims: z.array(z.string()),
});
export type QuotaDoc = z.infer<typeof QuotaDoc>;
export const quotaModel = defineModel({ collection: 'quotas', version: 1, schema: QuotaDoc });
