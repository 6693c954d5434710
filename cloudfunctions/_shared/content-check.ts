import { flagged, verdictOfSuggest } from '@shared/domain/content-screening.rules';
import { contentCheckModel, exemptScreening, screenOf, type CheckItem, type ContentCheckDoc, type Screen, type ScreenedKind, type Screening } from '@shared/model/screening.model';
import { addMinutes } from '@shared/time/shanghai';
import type { Deps } from './deps';
import type { Tx } from './database';
import { contentCheckIdOf, markCheckSubmitted, queueChecksInTx, requeueCheck } from './content-checks.repo';
import { land, recordFlag } from './content-verdicts';
import type { ScreenedStore } from './screened-store';

/**
 * Issue 13 (1.9): residents' text and photos go through WeChat's content checks.
 * - Text: security.msgSecCheck v2 when the ticket is filed, waited for at most TEXT_CHECK_BUDGET_MS
 *   (beside the filing's own reads), so the ticket and its notices never wait longer; a check that
 *   fails or times out leaves the text `unchecked`, queued for the timer to try again.
 * - Photos: security.mediaCheckAsync v2 right after the ticket commits; the verdict comes back as a
 *   `wxa_media_check` message push to the `pushes` function, matched by its trace id.
 * Each check waiting for a call or an answer is a `contentChecks` document written in the filing's
 * transaction, as notices are in the outbox: nothing filed goes unchecked because a call failed.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
 */
export const TEXT_CHECK_BUDGET_MS = 2_000;

/** Scene 2 (评论): a resident's message about a service. The checks know 1 资料, 2 评论, 3 论坛, 4 社交日志. */
const SCENE = 2 as const;

/**
 * The checker downloads the photo from a public URL (a cloud file id will not do) and answers
 * within 30 minutes (mediaCheckAsync page): its link lives that long, and a verdict not in after
 * VERDICT_WAIT_MINUTES is asked for again.
 */
export const MEDIA_URL_MAX_AGE_SECONDS = 30 * 60;
export const VERDICT_WAIT_MINUTES = 40;

/** 1, 2, 4, 8, 16 minutes apart: the last try falls well inside the two hours after the author last opened the app, which the checks require. */
export const MAX_CHECK_ATTEMPTS = 6;
const backoffMinutes = (attempts: number) => 2 ** Math.max(0, attempts - 1);
export const retryAt = (now: Date, attempts: number) => addMinutes(now, backoffMinutes(attempts)).toISOString();

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

const within = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

/** WeChat's verdict on a text; rejects when it cannot be had in time. */
export const askText = async (deps: Deps, openid: string, content: string): Promise<Screen> => {
  if (!deps.wechat) throw new Error('no WeChat open API here');
  const answer = await within(deps.wechat.checkText({ openid, scene: SCENE, content }), TEXT_CHECK_BUDGET_MS);
  return screenOf(verdictOfSuggest(answer.suggest), answer.label, deps.now().toISOString());
};

/** WeChat's verdict on a text, or `unchecked` when it cannot be had in time. */
const checkText = async (deps: Deps, openid: string, content: string): Promise<Screen> => {
  try {
    return await askText(deps, openid, content);
  } catch (e) {
    console.warn(`text check not made; the timer will try again: ${messageOf(e)}`);
    return screenOf('unchecked');
  }
};

export interface Authored {
  authorOpenid: string;
  /** False when the desk typed it on the resident's behalf: staff records are not checked. */
  byAuthor: boolean;
  text: string;
  photos: readonly string[];
}

/** The screening a ticket is filed with: its text checked now, its photos waiting for their verdicts. */
export const screenAtFiling = async (deps: Deps, a: Authored): Promise<Screening> =>
  a.byAuthor
    ? { text: await checkText(deps, a.authorOpenid, a.text), photos: a.photos.map((fileId) => ({ fileId, ...screenOf('pending') })) }
    : exemptScreening(a.photos);

export interface ScreenedTicket {
  kind: ScreenedKind;
  doc: { _id: string; propertyId: string; status: string; version: number; photos: readonly string[]; screening: Screening };
  authorOpenid: string;
}

/**
 * In the filing's transaction: a check for every item still to be checked, its first attempt
 * already claimed by this call (the timer takes it over once the lease ends), and the flag of a
 * text the check already held.
 */
export const queueChecks = async (tx: Tx, t: ScreenedTicket, now: Date, cause: string): Promise<ContentCheckDoc[]> => {
  const { screening } = t.doc;
  const items: CheckItem[] = [
    ...(screening.text.verdict === 'unchecked' ? [{ kind: 'text' as const }] : []),
    ...screening.photos.filter((p) => p.verdict === 'pending').map((p) => ({ kind: 'photo' as const, fileId: p.fileId })),
  ];
  const checks = items.map((item) =>
    contentCheckModel.toStored({
      _id: contentCheckIdOf(t.kind, t.doc._id, item),
      propertyId: t.doc.propertyId,
      subject: { kind: t.kind, id: t.doc._id },
      item,
      openid: t.authorOpenid,
      status: 'queued',
      attempts: 1,
      nextAttemptAt: retryAt(now, 1),
      traceId: null,
      lastError: null,
      createdAt: now.toISOString(),
    }),
  );
  await queueChecksInTx(tx, checks);
  if (flagged(screening.text.verdict)) {
    await recordFlag(tx, { subject: { kind: t.kind, id: t.doc._id }, item: { kind: 'text' } }, t.doc, screening.text, now.toISOString(), cause);
  }
  return checks;
};

/**
 * A call that did not work: the check waits for its next attempt (at the time its claim set, or at
 * `retryFrom`), or after the last one is given up (a photo then reads `unchecked`).
 */
export const checkFailed = async (deps: Deps, store: ScreenedStore, check: ContentCheckDoc, e: unknown, retryFrom?: Date): Promise<void> => {
  const lastError = messageOf(e);
  if (check.attempts < MAX_CHECK_ATTEMPTS) {
    await requeueCheck(deps.db, check._id, lastError, retryFrom?.toISOString());
    return;
  }
  console.warn(`content check ${check._id} given up: ${lastError}`);
  await land(deps, store, check, 'unchecked', null, 'dead');
};

/** Sends photos to the asynchronous check; each one that cannot be sent waits for the timer. */
export const submitImages = async (deps: Deps, store: ScreenedStore, checks: readonly ContentCheckDoc[]): Promise<void> => {
  const photos = checks.filter((c): c is ContentCheckDoc & { item: { kind: 'photo'; fileId: string } } => c.item.kind === 'photo');
  if (!photos.length) return;
  const urls = await deps.files.tempUrls(
    photos.map((c) => c.item.fileId),
    MEDIA_URL_MAX_AGE_SECONDS,
  ).catch(() => photos.map(() => ''));
  for (const [i, check] of photos.entries()) {
    try {
      const mediaUrl = urls[i];
      if (!mediaUrl) throw new Error('the photo cannot be linked');
      if (!deps.wechat) throw new Error('no WeChat open API here');
      const traceId = await deps.wechat.checkImage({ openid: check.openid, scene: SCENE, mediaUrl });
      const waitUntil = addMinutes(deps.now(), VERDICT_WAIT_MINUTES).toISOString();
      await markCheckSubmitted(deps.db, check._id, traceId, waitUntil);
    } catch (e) {
      await checkFailed(deps, store, check, e);
    }
  }
};

/** After the filing commits: its photos go to the check now; whatever fails here the timer retries. */
export const submitNow = async (deps: Deps, store: ScreenedStore, checks: readonly ContentCheckDoc[]): Promise<void> => {
  try {
    await submitImages(deps, store, checks);
  } catch (e) {
    console.warn(`photos not sent to the check now; the timer will retry: ${messageOf(e)}`);
  }
};
