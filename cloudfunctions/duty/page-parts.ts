import { pageAt, pageOfKey, type ShiftPage } from '@shared/domain/duty-page.rules';
import type { DutyPageDoc } from '@shared/model/duty.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import type { ActionContext } from '../_shared/context';
import { loadSettings } from '../_shared/settings';
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

/** Everything a page's view is made of; proposals only for the page on duty now (what happened during it so far). */
export const loadParts = async (ctx: ActionContext, shift: ShiftPage, settings?: SettingsDoc, withProposals = true): Promise<PageParts> => {
  const { db } = ctx.deps;
  const { propertyId } = ctx.member;
  const id = pageIdOf(propertyId, shift);
  const onDuty = shift.startsAt <= ctx.now && ctx.now < shift.endsAt;
  const [stored, handover, day, loaded, proposals] = await Promise.all([
    findPage(db, id),
    findHandover(db, id),
    findDay(db, propertyId, shift.date),
    settings ?? loadSettings(ctx.deps, propertyId),
    onDuty && withProposals ? proposalsBetween(db, propertyId, shift.startsAt, ctx.now) : Promise.resolve([]),
  ]);
  return { shift: stored ? shiftOfStored(stored) : shift, stored, handover, proposals, settings: loaded, daySigned: Boolean(day?.signedBy), now: ctx.now };
};

export const currentShift = (settings: SettingsDoc, now: Date) => pageAt(settings.shifts, now);
