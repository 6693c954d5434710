import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';
import { areaNoticeKinds, type AreaNoticeKind } from '../areas';

const coreNoticeKinds = ['repair.new', 'repair.dispatched', 'repair.changed', 'deadline.warn', 'deadline.breach', 'complaint.new', 'complaint.major', 'complaint.group', 'complaint.changed', 'register.unsigned', 'binding.new', 'binding.approved', 'binding.rejected', 'privacy.erasure', 'timer.missed', 'callback.due', 'booking.reminder', 'booking.window', 'reception.unsettled', 'group.arriving'] as const;
type Kind = (typeof coreNoticeKinds)[number] | AreaNoticeKind;
/** Every kind of notice: the platform's and the older areas' listed here, then those the registry's areas declare. */
export const NoticeKind = z.enum([...coreNoticeKinds, ...areaNoticeKinds] as [Kind, ...Kind[]]);
export type NoticeKind = z.infer<typeof NoticeKind>;

/** inbox: the in-app list plus a live signal; wecom: the staff group robot; subscribe: a WeChat subscribe message to one person. */
export const NoticeChannel = z.enum(['inbox', 'wecom', 'subscribe']);
export type NoticeChannel = z.infer<typeof NoticeChannel>;

export const OutboxDoc = z.object({
  ...base,
  schemaVersion: z.literal(2),
  kind: NoticeKind,
  channel: NoticeChannel,
  /** A member's openid, or a role-wide audience such as "role:desk". */
  recipient: z.string(),
  subject: z.object({ kind: z.string(), id: z.string() }),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  /** What a subscribe message's fields may show besides the title and body. */
  facts: z.optional(z.object({ address: z.optional(z.string()), status: z.optional(z.string()), name: z.optional(z.string()), amountFen: z.optional(z.number().check(z.int())) })),
  /** A role's notice: people pushed a copy besides the role's pushed members (the desk on shift, R2, D3), by openid. */
  pushTo: z.optional(z.array(z.string())),
  /** refused: WeChat said the person has no subscription (43101), not retried; skipped: no template or no send left. */
  status: z.enum(['pending', 'sent', 'dead', 'refused', 'skipped']),
  attempts: z.number().check(z.int(), z.gte(0)),
  nextAttemptAt: isoInstant,
  lastError: z.nullable(z.string()),
  createdAt: isoInstant,
  sentAt: z.nullable(isoInstant),
  /**
   * v2: from when an in-app notice is in its recipient's inbox: when written, or when a scheduled
   * one is sent (issue 16: once the timer has asked its subject whether it is still wanted; stored before that, when
   * it was due); null until then, and for one settled unsent (never shown). The inbox's query filters and sorts on it.
   */
  shownAt: z.nullable(isoInstant),
});
export type OutboxDoc = z.infer<typeof OutboxDoc>;

/** v1 had no `shownAt`: a withdrawn notice never shows, a scheduled one not yet sent from its time, every other from when it went out. */
const shownAtOf = (doc: Record<string, unknown>) => {
  if (doc.status === 'skipped') return null;
  return doc.status === 'pending' && doc.attempts === 0 ? doc.nextAttemptAt : (doc.sentAt ?? doc.createdAt);
};

export const outboxModel = defineModel({ collection: 'outbox', version: 2, schema: OutboxDoc, migrations: { 1: (doc) => ({ ...doc, shownAt: shownAtOf(doc) }) } });
