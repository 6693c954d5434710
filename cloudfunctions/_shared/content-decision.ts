import type { ScreenItem } from '@shared/contracts/screening.contract';
import { decideItem } from '@shared/domain/content-screening.rules';
import { format } from '@shared/messages/format';
import * as messages from '@shared/messages/words';
import type { ErrorCode } from '@shared/messages';
import { ok, type Result } from '@shared/result';
import type { RepairDoc } from '@shared/model/repair.model';
import { audienceOfRole, audienceOfUser } from '@shared/model/signal.model';
import type { ActionContext } from './context';
import { applyOnce } from './commands';
import { ActionFailure } from './failures';
import { appendScreeningStep, type ScreenedStore } from './screened-store';
import type { ScreenedDoc } from './screened';
import { bumpSignals } from './signals';

export interface ContentDecision {
  item: ScreenItem;
  decision: 'release' | 'redact';
  commandId: string;
  deviceTime?: string;
}

const wordsOf = (item: ScreenItem) => (item.kind === 'text' ? messages.screening.text : format(messages.screening.photo, { n: item.index + 1 }));
const keyOf = (item: ScreenItem, photos: readonly string[]) => (item.kind === 'text' ? 'text' : `photo:${photos[item.index] ?? item.index}`);

/**
 * Issue 13 (1.9): the desk side of the ticket's own property releases a held item to the people it
 * was kept from, or redacts one for good. Not a status change: the ticket keeps its state and
 * version, and the decision goes on its history as a `screening` step, once per item.
 */
export const decideContent = async <V>(
  ctx: ActionContext,
  /** The kind's store (`repairStore`, `complaintStore`): a function deciding one kind carries only its model. */
  store: ScreenedStore,
  id: string,
  input: ContentDecision,
  /** Reads what the caller's view needs besides the ticket (outside the transaction, beside its operations), and answers the mapper. */
  viewer: (existing: ScreenedDoc) => Promise<(doc: ScreenedDoc) => V>,
  notFound: ErrorCode,
): Promise<Result<V>> => {
  const { deps, member, now } = ctx;
  const { kind } = store;
  const at = now.toISOString();
  // The ticket as the committed transaction left it (set by the work, which a closure hides from the compiler).
  const decidedOn: { doc: ScreenedDoc | null } = { doc: null };
  // Issue 16: the ticket is read once, in the transaction started with the caller's membership (a read before
  // it was one more wait): one of another property, or none, is refused there and the transaction rolled back.
  const { result, fresh } = await applyOnce(ctx, `${kind}s.decideContent`, async (tx) => {
    const doc = await store.findInTx(tx, id);
    if (!doc || doc.propertyId !== member.propertyId) throw new ActionFailure(notFound);
    const view = viewer(doc);
    view.catch(() => undefined);
    const decided = decideItem(doc.screening, doc.photos, input.item, { action: input.decision, by: member.name, role: member.role, at });
    if (!decided.ok) throw new ActionFailure(decided.code);
    const after: ScreenedDoc = { ...doc, screening: decided.screening, updatedAt: at };
    decidedOn.doc = after;
    await store.write(tx, after);
    const step = { action: input.decision === 'release' ? ('releaseContent' as const) : ('redactContent' as const), actor: member.openid, role: member.role, reason: wordsOf(input.item), at, deviceAt: input.deviceTime ?? null };
    await appendScreeningStep(tx, kind, doc, step, input.commandId, `${keyOf(input.item, doc.photos)}:decided`);
    return (await view)(after);
  });
  const ticket = decidedOn.doc;
  if (fresh && ticket) {
    const technician = kind === 'repair' ? (ticket as RepairDoc).technician : null;
    for (const audience of [audienceOfRole('desk'), ...(technician ? [audienceOfUser(technician.openid)] : [])]) {
      await bumpSignals(deps.db, [{ propertyId: ticket.propertyId, audience }], now).catch(() => undefined);
    }
  }
  return ok(result);
};
