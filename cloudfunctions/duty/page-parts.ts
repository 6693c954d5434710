import { dayOverBy, pageAt, pageOfKey, type ShiftPage } from '@shared/domain/duty-page.rules';
import type { DutyPageDoc } from '@shared/model/duty.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import { findDay, findHandover, findPage, pageIdOf } from './duty.repo';
import { proposalsBetween } from './proposals';
import type { PageParts } from './views';

/** The shift a page id names (`<property>~<date>~<HHmm>`), if the property's roster has it. */
export const shiftOfPageId = (settings: SettingsDoc, propertyId: string, pageId: string): ShiftPage | null => {
  const m = /^(.+)~(\d{4}-\d{2}-\d{2})~(\d{2})(\d{2})$/.exec(pageId);
  if (!m || m[1] !== propertyId) return null;
  return pageOfKey(settings.shifts, m[2]!, `${m[3]}:${m[4]}`);
};

/** A stored page keeps the times it was opened with, whatever the roster became since. */
export const shiftOfStored = (doc: DutyPageDoc): ShiftPage => ({
  key: doc._id.slice(doc.propertyId.length + 1),
  date: doc.date,
  shiftName: doc.shiftName,
  shiftStart: doc.shiftStart,
  startsAt: new Date(doc.startsAt),
  endsAt: new Date(doc.endsAt),
  rostered: [],
});

/** What a page's view shows besides the page itself: its handover, its day's signature, the settings, the proposals. */
export type AroundPage = Omit<PageParts, 'shift' | 'stored'>;

/**
 * What a page's view shows besides the page; proposals only for the page on duty now (what happened during it so
 * far). Issue 16: read outside a command's transaction, beside its read of the page (`partsOf`). The day's signature
 * is read only once the roster has ended the day: D2 signs no day before its last shift is over (`signDayRefusal`),
 * so the day of a page on duty is not signed (one read fewer on every write to it, the day's read being outside
 * the transaction anyway). The day's end is the roster's: the signature's check takes a stored page's own times,
 * which differ only when the roster moved a shift's end after the page was opened (then, until the roster's end,
 * a write may miss a signature made meanwhile, as one racing the signature always could: this read is not the
 * transaction's).
 */
export const loadAround = async (ctx: ActionContext, shift: ShiftPage, settings: SettingsDoc, withProposals = true): Promise<AroundPage> => {
  const { db } = ctx.deps;
  const { propertyId } = ctx.member;
  const id = pageIdOf(propertyId, shift);
  const onDuty = shift.startsAt <= ctx.now && ctx.now < shift.endsAt;
  const [handover, day, proposals] = await Promise.all([
    findHandover(db, id),
    dayOverBy(settings.shifts, shift.date, ctx.now) ? findDay(db, propertyId, shift.date) : Promise.resolve(null),
    onDuty && withProposals ? proposalsBetween(db, propertyId, shift.startsAt, ctx.now) : Promise.resolve([]),
  ]);
  return { handover, proposals, settings, daySigned: Boolean(day?.signedBy), now: ctx.now };
};

/** A page's parts, from the page as read (or null: not stored yet) and what was read around it. */
export const partsOf = (shift: ShiftPage, stored: DutyPageDoc | null, around: AroundPage): PageParts => ({ ...around, shift: stored ? shiftOfStored(stored) : shift, stored });

/** Everything a page's view is made of, read side by side. */
export const loadParts = async (ctx: ActionContext, shift: ShiftPage, settings: SettingsDoc, withProposals = true): Promise<PageParts> => {
  const [stored, around] = await Promise.all([findPage(ctx.deps.db, pageIdOf(ctx.member.propertyId, shift)), loadAround(ctx, shift, settings, withProposals)]);
  return partsOf(shift, stored, around);
};

export const currentShift = (settings: SettingsDoc, now: Date) => pageAt(settings.shifts, now);
