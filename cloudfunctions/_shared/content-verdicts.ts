import { awaitsVerdict, flagged, photoScreen, withVerdict } from '@shared/domain/content-screening.rules';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import type { RepairDoc } from '@shared/model/repair.model';
import type { CheckItem, ContentCheckDoc, Screen, Screening, Verdict } from '@shared/model/screening.model';
import { audienceOfRole, audienceOfUser } from '@shared/model/signal.model';
import type { Deps } from './deps';
import type { Tx } from './database';
import { appendScreeningStep, type ScreenedStore } from './screened-store';
import { bumpSignals } from './signals';
import { finishCheckInTx } from './content-checks.repo';

/** "文字内容：检测为违规内容（辱骂）": what a flag records on the ticket's history. */
export const flagWords = (item: string, screen: Pick<Screen, 'verdict' | 'label'>): string =>
  format(messages.screening.flagged, {
    item,
    verdict: messages.screening.verdicts[screen.verdict],
    label: messages.screening.labels[screen.label ?? 21000] ?? messages.screening.labels[21000] ?? '',
  });

export const itemWords = (item: CheckItem, photos: readonly string[]): string =>
  item.kind === 'text' ? messages.screening.text : format(messages.screening.photo, { n: photos.indexOf(item.fileId) + 1 });

const itemKey = (item: CheckItem) => (item.kind === 'text' ? 'text' : `photo:${item.fileId}`);

const withItem = (screening: Screening, item: CheckItem, screen: Screen): Screening =>
  item.kind === 'text'
    ? { ...screening, text: screen }
    : { ...screening, photos: screening.photos.map((p) => (p.fileId === item.fileId ? { fileId: p.fileId, ...screen } : p)) };

/** The flag of an item on the ticket's history, in the transaction that records the verdict. */
export const recordFlag = (
  tx: Tx,
  check: Pick<ContentCheckDoc, 'subject' | 'item'>,
  doc: { _id: string; propertyId: string; status: string; version: number; photos: readonly string[] },
  screen: Pick<Screen, 'verdict' | 'label'>,
  at: string,
  cause: string,
) =>
  appendScreeningStep(
    tx,
    check.subject.kind,
    doc,
    { action: 'contentFlagged', actor: 'system', role: 'system', reason: flagWords(itemWords(check.item, doc.photos), screen), at },
    cause,
    `flag:${itemKey(check.item)}`,
  );

/**
 * A verdict lands on its ticket: on the item, if it still waits for one (a late or repeated answer
 * changes nothing), with a flag on the ticket's history when it holds the item; the check is
 * finished in the same transaction and forgets the author's openid. When something is newly held,
 * the desk's queue and the assigned technician's view are told to refresh.
 */
export const land = async (
  deps: Deps,
  /** The store of the check's subject (`storeOf(check.subject.kind)`, or the filing's own kind's). */
  store: ScreenedStore,
  check: ContentCheckDoc, verdict: Verdict, label: number | null, status: 'done' | 'dead' = 'done'): Promise<boolean> => {
  const at = deps.now().toISOString();
  const held = await deps.db.runTransaction(async (tx) => {
    const doc = await store.read(tx, check.subject.id);
    const current = check.item.kind === 'text' ? doc.screening.text : photoScreen(doc.screening, check.item.fileId);
    const listed = check.item.kind === 'text' || doc.screening.photos.some((p) => check.item.kind === 'photo' && p.fileId === check.item.fileId);
    let nowHeld = false;
    if (listed && awaitsVerdict(current)) {
      const screen = withVerdict(current, verdict, label, at);
      await store.write(tx, { ...doc, screening: withItem(doc.screening, check.item, screen) });
      nowHeld = flagged(verdict) && !screen.decision;
      if (nowHeld) await recordFlag(tx, check, doc, screen, at, check._id);
    }
    await finishCheckInTx(tx, check._id, status);
    return nowHeld ? doc : null;
  });
  if (!held) return false;
  const technician = check.subject.kind === 'repair' ? (held as RepairDoc).technician : null;
  for (const audience of [audienceOfRole('desk'), ...(technician ? [audienceOfUser(technician.openid)] : [])]) {
    await bumpSignals(deps.db, [{ propertyId: held.propertyId, audience }], deps.now());
  }
  return true;
};
