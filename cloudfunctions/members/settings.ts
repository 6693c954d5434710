import type * as c from '@shared/contracts/settings.contract';
import { failure } from '@shared/messages/failure';
import type { ErrorCode } from '@shared/messages';
import { ok } from '@shared/result';
import { recordedChange } from '@shared/domain/state-machine';
import { eventModel } from '@shared/model/event.model';
import type { MemberDoc } from '@shared/model/member.model';
import { defaultSettings, settingsModel, withTemplateIds, type SettingsDoc } from '@shared/model/settings.model';
import type { Database } from '../_shared/database';
import type { ActionContext } from '../_shared/context';
import type { Deps } from '../_shared/deps';
import { withPrefetch, type Handler } from '../_shared/router';
import { applyOnce } from '../_shared/commands';
import { appendEvent, eventsOf } from '../_shared/events';
import { parseAll } from '../_shared/repo';
import { addSettingsInTx, findSettingsInTx, readSettings, writeSettingsInTx } from '../_shared/settings';
import { windowsProblem } from '@shared/domain/booking.rules';
import { maskWebhook } from '@shared/domain/wecom-robot.rules';
import { membersByIds, membersOfRoleByName } from '../_shared/membership';

type Update = Parameters<Handler<typeof c.updateSettings>>[0];
const editable = ['shifts', 'openingHours', 'repairWindows', 'ackMinutes', 'repairPromise', 'feeSchedule', 'groupComplaintWindowHours', 'templates', 'wecomWebhook', 'dailyLimits', 'majorDutyKinds', 'handoverChecklist', 'ownerInvites'] as const;

const subjectOf = (propertyId: string) => ({ kind: 'settings', id: `settings~${propertyId}`, propertyId });

const membersOf = membersOfRoleByName;

/** The changes a settings view lists, newest first. */
const HISTORY = 50;

/** What a settings view shows beside the document: the property's desk and managers (for names) and its change history. */
const peopleAndHistory = async (db: Database, propertyId: string) => {
  const [desk, managers, events] = await Promise.all([
    membersOf(db, propertyId, 'desk'),
    membersOf(db, propertyId, 'manager'),
    eventsOf(db, propertyId, subjectOf(propertyId).id, 'desc', HISTORY),
  ]);
  const byOpenid = new Map([...desk, ...managers].map((m) => [m.openid, m]));
  const history = parseAll(eventModel, events.data).map((e) => ({ by: byOpenid.get(e.actor)?.name ?? '', at: e.at, fields: (e.reason ?? '').split(',').filter(Boolean) }));
  return { byOpenid, history };
};

type PeopleAndHistory = Awaited<ReturnType<typeof peopleAndHistory>>;

const viewOf = async (db: Database, s: SettingsDoc, member: MemberDoc): Promise<c.SettingsView> => viewWith(s, member, await peopleAndHistory(db, s.propertyId));

const viewWith = (s: SettingsDoc, member: MemberDoc, { byOpenid, history }: PeopleAndHistory): c.SettingsView => {
  return {
    shifts: s.shifts.map((shift) => ({
      name: shift.name,
      start: shift.start,
      desk: shift.deskOpenids.flatMap((openid) => {
        const m = byOpenid.get(openid);
        return m ? [{ memberId: m._id, name: m.name }] : [];
      }),
    })),
    openingHours: s.openingHours,
    repairWindows: s.repairWindows,
    ackMinutes: s.ackMinutes,
    repairPromise: s.repairPromise,
    feeSchedule: s.feeSchedule,
    groupComplaintWindowHours: s.groupComplaintWindowHours,
    templates: s.templates,
    templateIds: {},
    // A robot's address carries its key: everyone but the manager sees only that one is set.
    wecomWebhook: member.role === 'manager' || !s.wecomWebhook ? s.wecomWebhook : maskWebhook(s.wecomWebhook),
    dailyLimits: s.dailyLimits,
    majorDutyKinds: s.majorDutyKinds,
    handoverChecklist: s.handoverChecklist,
    ownerInvites: s.ownerInvites,
    history,
  };
};

/** The stored settings need only the input: they are read with the caller's membership (issue 16). */
export const settings: Handler<typeof c.settings> = withPrefetch<typeof c.settings, SettingsDoc>(
  (input, deps) => readSettings(deps.db, input.propertyId),
  async (_input, { deps, member }, stored) => ok(await viewOf(deps.db, stored, member)),
);

/** The desk members a new roster names, by id: they need only the input. */
const rosterIdsOf = (shifts: NonNullable<Update['shifts']>) => [...new Set(shifts.flatMap((s) => s.deskMemberIds))];

/** The roster names desk members of this property by id; the stored roster keeps their openids for the notices. */
const rosterOf = (propertyId: string, shifts: NonNullable<Update['shifts']>, named: readonly MemberDoc[]): SettingsDoc['shifts'] | ErrorCode => {
  if (new Set(shifts.map((s) => s.start)).size !== shifts.length) return 'SETTINGS.SHIFT_START_TAKEN';
  const desk = new Map(named.filter((m) => m.propertyId === propertyId && m.role === 'desk' && m.status === 'active').map((m) => [m._id, m]));
  if (rosterIdsOf(shifts).some((id) => !desk.has(id))) return 'SETTINGS.NOT_DESK';
  return shifts.map((s) => ({ name: s.name, start: s.start, deskOpenids: s.deskMemberIds.map((id) => (desk.get(id) as MemberDoc).openid) }));
};

const check = (input: Update): ErrorCode | null => {
  if (input.openingHours && input.openingHours.open >= input.openingHours.close) return 'SETTINGS.HOURS';
  if (input.repairWindows && (windowsProblem(input.repairWindows.weekdays) ?? windowsProblem(input.repairWindows.weekends))) return 'SETTINGS.WINDOWS';
  if (input.feeSchedule && new Set(input.feeSchedule.map((f) => f.code)).size !== input.feeSchedule.length) return 'SETTINGS.DUPLICATE_FEE';
  return null;
};

/**
 * What an update reads that needs only its input, with the membership (issue 16): the people and history its
 * answer shows, and the desk members a new roster names. The settings themselves are read once, in the transaction.
 */
const updateReads = (input: Update, deps: Deps) =>
  Promise.all([peopleAndHistory(deps.db, input.propertyId), input.shifts ? membersByIds(deps.db, rosterIdsOf(input.shifts)) : Promise.resolve([])]);

/**
 * Issue 7 (5): the manager changes what was sent; the change is logged with who made it, when, and which settings.
 * Issue 12 (5): the answer is made in the transaction, from the people and history read with the membership and
 * this change, so the command records the answer itself and a retry answers the same. Issue 16: the settings are
 * read once, in the transaction started with the membership; a property with none stored yet gets its document
 * made there, as one of the transaction's operations (`addInTx`: another change making it meanwhile ends the run,
 * and the rerun reads it), instead of stored before the transaction and read again in it.
 */
export const updateSettings: Handler<typeof c.updateSettings> = /* @__PURE__ */ withPrefetch<typeof c.updateSettings, Awaited<ReturnType<typeof updateReads>>>(updateReads, async (input, ctx: ActionContext, [around, named]) => {
  const { member, now } = ctx;
  const refused = check(input);
  if (refused) return failure(refused);
  const roster = input.shifts ? rosterOf(input.propertyId, input.shifts, named) : null;
  if (typeof roster === 'string') return failure(roster);
  const { result } = await applyOnce(ctx, 'members.updateSettings', async (tx) => {
    const found = await findSettingsInTx(tx, input.propertyId);
    const stored = found ?? defaultSettings(input.propertyId);
    const sent: Partial<SettingsDoc> = {
      ...(roster ? { shifts: roster } : {}),
      ...(input.openingHours ? { openingHours: input.openingHours } : {}),
      ...(input.repairWindows ? { repairWindows: input.repairWindows } : {}),
      ...(input.ackMinutes ? { ackMinutes: input.ackMinutes } : {}),
      ...(input.repairPromise ? { repairPromise: input.repairPromise } : {}),
      ...(input.feeSchedule ? { feeSchedule: input.feeSchedule } : {}),
      ...(input.groupComplaintWindowHours ? { groupComplaintWindowHours: input.groupComplaintWindowHours } : {}),
      ...(input.templates ? { templates: input.templates } : {}),
      ...(input.templateIds ? { templates: withTemplateIds(input.templates ?? stored.templates, input.templateIds) } : {}),
      ...(input.wecomWebhook !== undefined ? { wecomWebhook: input.wecomWebhook } : {}),
      ...(input.dailyLimits ? { dailyLimits: input.dailyLimits } : {}),
      ...(input.majorDutyKinds ? { majorDutyKinds: [...new Set(input.majorDutyKinds)] } : {}),
      ...(input.handoverChecklist ? { handoverChecklist: input.handoverChecklist } : {}),
      ...(input.ownerInvites ? { ownerInvites: { ...stored.ownerInvites, ...input.ownerInvites } } : {}),
    };
    const changed = editable.filter((key) => key in sent && JSON.stringify(sent[key]) !== JSON.stringify(stored[key]));
    const merged: SettingsDoc = { ...stored, ...sent };
    const next = settingsModel.toStored(merged);
    if (changed.length) {
      if (found) await writeSettingsInTx(tx, input.propertyId, merged);
      else await addSettingsInTx(tx, merged);
      const event = recordedChange('settings', 'update', { from: null, to: 'saved', version: 1 }, { actor: member.openid, role: member.role, now, reason: changed.join(',') });
      await appendEvent(tx, subjectOf(input.propertyId), event, input.commandId, `settings~${ctx.commandKey}`);
    }
    const change = changed.length ? [{ by: member.name, at: now.toISOString(), fields: [...changed] }] : [];
    return viewWith(next, member, { ...around, history: [...change, ...around.history].slice(0, HISTORY) });
  });
  return ok(result);
});
