import type * as c from '@shared/contracts/duty.contract';
import { handoverLateAt, nextPage, signInPageAt } from '@shared/domain/duty-page.rules';
import { handoverMachine } from '@shared/domain/handover.machine';
import { handoverRefusal } from '@shared/domain/handover.rules';
import { birth, transition } from '@shared/domain/state-machine';
import { failure } from '@shared/messages/failure';
import type { MemberDoc } from '@shared/model/member.model';
import { ok } from '@shared/result';
import { withPrefetch, type Handler } from '../_shared/router';
import type { SettingsDoc } from '@shared/model/settings.model';
import { settingsFirst } from './log';
import { applyOnce } from '../_shared/commands';
import { appendEvent } from '../_shared/events';
import { ActionFailure } from '../_shared/failures';
import { ensurePage, findDay, findHandoverInTx, findPage, pageEachRun, pageIdOf, pageInTx, saveHandover, savePage } from './duty.repo';
import { loadParts, partsOf, shiftOfPageId } from './page-parts';
import { pageView } from './views';
import { findMember } from '../_shared/membership';

const person = (m: MemberDoc) => ({ openid: m.openid, memberId: m._id, name: m.name });
const subjectOf = (propertyId: string, id: string) => ({ kind: 'handover', id, propertyId });

/** D3: a desk member signs in for the shift on duty, or for the next one in the last hour of this one; once per page. */
export const signIn: Handler<typeof c.signIn> = /* @__PURE__ */ withPrefetch<typeof c.signIn, SettingsDoc>(settingsFirst, async (_input, ctx, settings) => {
  const { member, now } = ctx;
  const parts = await loadParts(ctx, signInPageAt(settings.shifts, now), settings, false);
  // Pages are never removed: one already read needs no making; one not read yet is added by the transaction.
  const pageOf = pageEachRun(ctx.deps.db, member.propertyId, parts.shift, parts.stored !== null, now);
  const { result } = await applyOnce(ctx, 'duty.signIn', async (tx) => {
    const { doc, created } = await pageOf(tx);
    if (doc.signedIn.some((s) => s.openid === member.openid)) return pageView({ ...parts, stored: doc }, member);
    const signedIn = [...doc.signedIn, { ...person(member), at: now.toISOString() }];
    const stored = await savePage(tx, { ...doc, signedIn, version: doc.version + 1, updatedAt: now.toISOString() }, created);
    return pageView({ ...parts, stored }, member);
  });
  return ok(result);
});

/** The substitute the outgoing member names: an active desk member of the property, not the outgoing one. */
const substituteOf = async (ctx: Parameters<Handler<typeof c.handOver>>[1], id: string): Promise<MemberDoc | null> => {
  const m = await findMember(ctx.deps.db, id);
  return m && m.propertyId === ctx.member.propertyId && m.status === 'active' && m.role === 'desk' && m.openid !== ctx.member.openid ? m : null;
};

/**
 * D3: the outgoing member hands the page over and signs. Refused with the reason while an event is
 * unfinished, equipment is changing state, preparation is incomplete, nobody is there to take over,
 * or an open major matter is left out. The incoming member is whoever signed in for the next shift
 * first, or the substitute named.
 */
export const handOver: Handler<typeof c.handOver> = /* @__PURE__ */ withPrefetch<typeof c.handOver, SettingsDoc>(settingsFirst, async (input, ctx, settings) => {
  const { member, now, deps } = ctx;
  const shift = shiftOfPageId(settings, member.propertyId, input.pageId);
  if (!shift) return failure('DUTY.PAGE_NOT_FOUND');
  // Issue 16: the next page (whoever signed in for it takes over) is read beside this one's parts, as the roster
  // places it; a page stored under an older roster keeps its own end, and its next page is then read after.
  const nextOf = (page: typeof shift) => findPage(deps.db, pageIdOf(member.propertyId, nextPage(settings.shifts, page)));
  const [parts, substitute, nextByRoster] = await Promise.all([loadParts(ctx, shift, settings, false), input.substituteId ? substituteOf(ctx, input.substituteId) : null, nextOf(shift)]);
  if (parts.handover) return failure('STATE.TRANSITION_NOT_ALLOWED');
  if (input.substituteId && !substitute) return failure('DUTY.SUBSTITUTE_NOT_FOUND');
  const next = parts.shift.endsAt.getTime() === shift.endsAt.getTime() ? nextByRoster : await nextOf(parts.shift);
  const arrived = (next?.signedIn ?? []).find((s) => s.openid !== member.openid) ?? null;
  const incoming = substitute ? person(substitute) : arrived;
  const refusal = handoverRefusal(
    {
      page: { startsAt: parts.shift.startsAt, endsAt: parts.shift.endsAt, entries: parts.stored?.entries ?? [] },
      preparation: input.preparation,
      checklistLength: settings.handoverChecklist.length,
      incomingPresent: incoming !== null,
      handedEntryIds: input.matters.map((m) => m.entryId),
    },
    now,
  );
  if (refusal) return failure(refusal);
  // A page nobody wrote yet is made first, outside the transaction, which then reads it for the view: the
  // transaction started with the membership would not see it (early-transaction.ts), so the command starts its own.
  if (!parts.stored) {
    ctx.early?.writingFirst();
    await ensurePage(deps.db, member.propertyId, parts.shift, now);
  }
  const id = pageIdOf(member.propertyId, parts.shift);
  const event = birth(handoverMachine, 'handOver', { actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
  const { result } = await applyOnce(ctx, 'duty.handOver', async (tx) => {
    const handover = await saveHandover(
      tx,
      {
        _id: id,
        propertyId: member.propertyId,
        status: event.to,
        version: event.version,
        pageId: id,
        date: parts.shift.date,
        dueAt: parts.shift.endsAt.toISOString(),
        outgoing: { ...person(member), at: now.toISOString() },
        incoming: { openid: incoming!.openid, memberId: incoming!.memberId, name: incoming!.name, substitute: substitute !== null, at: null },
        matters: input.matters,
        instructions: input.instructions,
        preparation: settings.handoverChecklist.map((item, i) => ({ item, done: input.preparation[i] === true })),
        late: false,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
      true,
    );
    await appendEvent(tx, subjectOf(member.propertyId, id), event, ctx.commandKey);
    // Issue 16: a page read before the transaction is not read again in it (a handover does not change its page).
    return pageView({ ...parts, stored: parts.stored ?? (await pageInTx(tx, id)), handover }, member);
  });
  return ok(result);
});

/**
 * D3: the incoming member, and only they, signs the handover on their own phone; past the grace time it is recorded
 * late. Issue 16: the settings come with the membership and the handover is read once, in the transaction; a
 * handover is stored under its page's id (duty.repo.ts), so its page and day, which the view shows, are read beside
 * that read (ids of the caller's own property only), and the refusals come in the order they always did.
 */
export const receive: Handler<typeof c.receive> = /* @__PURE__ */ withPrefetch<typeof c.receive, SettingsDoc>(settingsFirst, async (input, ctx, settings) => {
  const { member, now, deps } = ctx;
  const pageAround = (pageId: string) => {
    const shift = shiftOfPageId(settings, member.propertyId, pageId);
    return shift ? Promise.all([shift, findPage(deps.db, pageId), findDay(deps.db, member.propertyId, shift.date)] as const) : null;
  };
  const { result } = await applyOnce(ctx, 'duty.receive', async (tx) => {
    const beside = pageAround(input.handoverId);
    beside?.catch(() => undefined);
    const h = await findHandoverInTx(tx, input.handoverId);
    if (!h || h.propertyId !== member.propertyId) throw new ActionFailure('DUTY.HANDOVER_NOT_FOUND');
    if (h.incoming.openid !== member.openid) throw new ActionFailure('DUTY.NOT_INCOMING');
    const read = await (h.pageId === input.handoverId ? beside : pageAround(h.pageId));
    if (!read || !read[1]) throw new ActionFailure('DUTY.HANDOVER_NOT_FOUND');
    const [shift, page, day] = read;
    if (h.version !== input.version) throw new ActionFailure('COMMON.VERSION_CONFLICT');
    const moved = transition(handoverMachine, h, { action: 'receive', actor: member.openid, role: member.role, now, deviceTime: input.deviceTime });
    if (!moved.ok) throw new ActionFailure(moved.code);
    const late = now >= handoverLateAt({ endsAt: new Date(h.dueAt) });
    const handover = await saveHandover(tx, { ...h, status: moved.status, version: moved.version, incoming: { ...h.incoming, at: now.toISOString() }, late, updatedAt: now.toISOString() }, false);
    await appendEvent(tx, subjectOf(member.propertyId, h._id), moved.event, ctx.commandKey);
    return pageView(partsOf(shift, page, { handover, proposals: [], settings, daySigned: Boolean(day?.signedBy), now }), member);
  });
  return ok(result);
});
