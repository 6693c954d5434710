import * as z from 'zod';
import { base, defineModel, isoInstant } from './versioned';

export const NoticeKind = z.enum(['repair.new', 'repair.dispatched', 'repair.changed', 'deadline.warn', 'deadline.breach', 'complaint.new', 'complaint.major', 'complaint.group', 'complaint.changed', 'register.unsigned', 'binding.new', 'binding.approved', 'binding.rejected', 'privacy.erasure']);
export type NoticeKind = z.infer<typeof NoticeKind>;

/** inbox: the in-app list plus a live signal; wecom: the staff group robot. */
export const NoticeChannel = z.enum(['inbox', 'wecom']);
export type NoticeChannel = z.infer<typeof NoticeChannel>;

export const OutboxDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  kind: NoticeKind,
  channel: NoticeChannel,
  /** A member's openid, or a role-wide audience such as "role:desk". */
  recipient: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  status: z.enum(['pending', 'sent', 'dead']),
  attempts: z.number().int().min(0),
  nextAttemptAt: isoInstant,
  lastError: z.string().nullable(),
  createdAt: isoInstant,
  sentAt: isoInstant.nullable(),
});
export type OutboxDoc = z.infer<typeof OutboxDoc>;
export const outboxModel = defineModel({ collection: 'outbox', version: 1, schema: OutboxDoc });
