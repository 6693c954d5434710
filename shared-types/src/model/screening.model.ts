import * as z from 'zod/mini';
import { base, defineModel, isoInstant } from './versioned';
import { Role } from './member.model';

/**
 * What WeChat's content check said of one text or photo a resident filed (issue 13, 1.9):
 * - `pass`, `review`, `risky`: the check's `result.suggest`
 *   (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html);
 * - `pending`: a photo sent to the asynchronous check, whose verdict has not arrived yet;
 * - `unchecked`: the check could not be made (the call failed or took too long); the timer tries again;
 * - `exempt`: not checked: typed by the desk on the resident's behalf, or filed before checks began.
 */
export const Verdict = z.enum(['exempt', 'unchecked', 'pending', 'pass', 'review', 'risky']);
export type Verdict = z.infer<typeof Verdict>;

/** The desk's word on one item: shown to others after all, or kept from them for good. */
export const Decision = z.object({ action: z.enum(['release', 'redact']), by: z.string(), role: Role, at: isoInstant });
export type Decision = z.infer<typeof Decision>;

export const Screen = z.object({
  verdict: Verdict,
  /** The check's `result.label` (100 normal, 20003 abuse, …); null until there is a verdict. */
  label: z.nullable(z.number().check(z.int())),
  checkedAt: z.nullable(isoInstant),
  decision: z.nullable(Decision),
});
export type Screen = z.infer<typeof Screen>;

/** A ticket's screening: its text (every field a resident typed, checked as one) and each photo by file id. */
export const Screening = z.object({
  text: Screen,
  photos: z.array(z.extend(Screen, { fileId: z.string() })),
});
export type Screening = z.infer<typeof Screening>;

export const screenOf = (verdict: Verdict, label: number | null = null, checkedAt: string | null = null): Screen => ({ verdict, label, checkedAt, decision: null });

/** What a ticket filed by the desk, or before checks began, carries: nothing was checked. */
export const exemptScreening = (photos: readonly string[]): Screening => ({
  text: screenOf('exempt'),
  photos: photos.map((fileId) => ({ fileId, ...screenOf('exempt') })),
});

export const ScreenedKind = z.enum(['repair', 'complaint']);
export type ScreenedKind = z.infer<typeof ScreenedKind>;

export const CheckItem = z.discriminatedUnion('kind', [z.object({ kind: z.literal('text') }), z.object({ kind: z.literal('photo'), fileId: z.string() })]);
export type CheckItem = z.infer<typeof CheckItem>;

/**
 * A check still to make or to hear back from, written in the transaction that files the ticket
 * (the outbox pattern): `queued` until a call has WeChat's answer or trace id, `submitted` while a
 * photo's verdict is awaited (matched by `traceId`), then `done`, or `dead` after the last attempt.
 * The author's openid is what the check APIs require; it is blanked once the check is finished.
 */
export const ContentCheckDoc = z.object({
  ...base,
  schemaVersion: z.literal(1),
  subject: z.object({ kind: ScreenedKind, id: z.string() }),
  item: CheckItem,
  openid: z.string(),
  status: z.enum(['queued', 'submitted', 'done', 'dead']),
  attempts: z.number().check(z.int(), z.gte(0)),
  nextAttemptAt: isoInstant,
  traceId: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  createdAt: isoInstant,
});
export type ContentCheckDoc = z.infer<typeof ContentCheckDoc>;
export const contentCheckModel = defineModel({ collection: 'contentChecks', version: 1, schema: ContentCheckDoc });
