import type * as c from '@shared/contracts/duty.contract';
import { signDayRefusal, needsEmergencyRecord } from '@shared/domain/duty-log.rules';
import { pagesOfDate } from '@shared/domain/duty-page.rules';
import { failure } from '@shared/messages/failure';
import { dutyDayModel, type DutyDayDoc } from '@shared/model/duty.model';
import { ok } from '@shared/result';
import type { ActionContext } from '../_shared/context';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Deps } from '../_shared/deps';
import { applyOnce } from '../_shared/commands';
import { loadSettings } from '../_shared/settings';
import { addDay, dayIdOf, findDay, handoversOfDay, pagesOfDay, saveDay } from './duty.repo';
import { findInTx } from '../_shared/repo';
import { shiftOfStored } from './page-parts';
import { pageView } from './views';

/**
 * What a date's log is made of, read together: the roster, the stored pages, their handovers and the day's
 * signature. It needs only the input, so it is read with the caller's membership (issue 16), of the
 * property the input names, which is the one the router resolved the caller in.
 */
const readDay = async ({ propertyId, date }: { propertyId: string; date: string }, deps: Deps) => {
  const { db } = deps;
  const [settings, stored, handovers, signed] = await Promise.all([loadSettings(deps, propertyId), pagesOfDay(db, propertyId, date), handoversOfDay(db, propertyId, date), findDay(db, propertyId, date)]);
  return { date, settings, stored, handovers, signed };
};
type ReadDay = Awaited<ReturnType<typeof readDay>>;

/** D2: every shift page of a Shanghai date as the roster makes them (stored pages keep their own times), with the day's signature. */
const dayOf = (ctx: ActionContext, read: ReadDay, signed: DutyDayDoc | null) => {
  const { date, settings, stored, handovers } = read;
  const pages = pagesOfDate(settings.shifts, date).map((planned) => {
    const doc = stored.find((p) => p.shiftStart === planned.shiftStart) ?? null;
    const shift = doc ? shiftOfStored(doc) : planned;
    const handover = doc ? (handovers.find((h) => h._id === doc._id) ?? null) : null;
    return pageView({ shift, stored: doc, handover, proposals: [], settings, daySigned: Boolean(signed?.signedBy), now: ctx.now }, ctx.member);
  });
  const entries = stored.flatMap((p) => p.entries);
  return {
    view: {
      date,
      pages,
      signed: signed?.signedBy ? { by: signed.signedBy.name, at: signed.signedBy.at, remarks: signed.remarks } : null,
      flaggedAt: signed?.flaggedAt ?? null,
      missingEmergency: entries.filter(needsEmergencyRecord).length,
    },
    entries,
    lastPageEndsAt: new Date(Math.max(...pages.map((p) => new Date(p.endsAt).getTime()))),
  };
};

/** D2: a day's duty log with its signature. */
export const day: Handler<typeof c.day> = withPrefetch<typeof c.day, ReadDay>(readDay, async (_input, ctx, read) => ok(dayOf(ctx, read, read.signed).view));

/**
 * D2: the supervisor signs a day once its last shift is over and every major event has its emergency
 * record; the first signature stands. The answer shows the day as read before signing, with the
 * signature that stands.
 */
export const signDay: Handler<typeof c.signDay> = withPrefetch<typeof c.signDay, ReadDay>(readDay, async (input, ctx, read) => {
  const { member, now } = ctx;
  const existing = read.signed;
  if (!existing?.signedBy) {
    const found = dayOf(ctx, read, existing);
    const refusal = signDayRefusal({ lastPageEndsAt: found.lastPageEndsAt, entries: found.entries }, now);
    if (refusal) return failure(refusal);
  }
  // Issue 16: a day the first reads did not find is added signed, as the transaction's one operation before its record
  // (made meanwhile by the timer's sweep or another signature, it ends the run: the rerun reads it). Day documents are
  // never removed.
  let unread = !existing;
  const id = dayIdOf(member.propertyId, input.date);
  const { result } = await applyOnce(ctx, 'duty.signDay', async (tx) => {
    const current = unread ? null : await findInTx(tx, dutyDayModel, id);
    unread = false;
    const signature = { signedBy: { name: member.name, openid: member.openid, at: now.toISOString() }, remarks: input.remarks };
    const signed = current?.signedBy ? current : current ? await saveDay(tx, { ...current, ...signature }) : await addDay(tx, { _id: id, propertyId: member.propertyId, date: input.date, flaggedAt: null, ...signature });
    return dayOf(ctx, read, signed).view;
  });
  return ok(result);
});
