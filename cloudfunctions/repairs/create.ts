import type { create, register } from '@shared/contracts/repairs.contract';
import { failure } from '@shared/messages/failure';
import * as messages from '@shared/messages/words';
import { ok } from '@shared/result';
import type { OutboxDoc } from '@shared/model/outbox.model';
import type { ContentCheckDoc } from '@shared/model/screening.model';
import { birth } from '@shared/domain/state-machine';
import { repairMachine } from '@shared/domain/repair.machine';
import { triageRepair } from '@shared/domain/triage.rules';
import { repairPromise } from '@shared/domain/repair-promise.rules';
import { shiftAt } from '@shared/domain/shift.rules';
import { lifeDefaults, repairModel, type Channel, type PreferredTime, type RepairCategory, type RepairDoc, type RepairPlace } from '@shared/model/repair.model';
import type { MemberDoc } from '@shared/model/member.model';
import type { SettingsDoc } from '@shared/model/settings.model';
import { audienceOfRole } from '@shared/model/signal.model';
import { repairWhere } from '@shared/messages/place-label';
import type { ActionContext } from '../_shared/context';
import { withPrefetch, type Handler } from '../_shared/router';
import type { Database, Deps } from '../_shared/deps';
import { applyOnce } from '../_shared/commands';
import { alongsideDailyLimit, dailyQuota } from '../_shared/daily-limits';
import { deskOnShiftPushed, enqueueNotice, sendNow, type Notice } from '../_shared/outbox';
import { derivedId } from '../_shared/ids';
import { buildingHasRooms, findRoomAsStored } from '../_shared/rooms';
import { loadSettings } from '../_shared/settings';
import { ownsFile } from '../_shared/storage';
import { queueChecks, screenAtFiling, submitNow } from '../_shared/content-check';
import { repairStore } from '../_shared/screened-store';
import { textForOthers } from '../_shared/screened';
import { toView } from './views';
import { findMember } from '../_shared/membership';
import { writeRepairInTx } from '../_shared/repairs.repo';

interface Intake {
  /** The action the command record names. */
  action: 'repairs.create' | 'repairs.register';
  /** Null for a public place's repair nobody reported, which the desk registers (issue 18, 5). */
  resident: MemberDoc | null;
  /** One of the resident's rooms, or a public place (issue 18, 5); the contract lets only one through. */
  roomId?: string;
  place?: RepairPlace;
  category: RepairCategory;
  description: string;
  preferredTime: PreferredTime | null;
  photos: string[];
  channel: Channel;
  phone: string;
  callRecord: RepairDoc['callRecord'];
  deviceTime?: string;
  commandId: string;
}

/**
 * R1–R3: a request becomes a repair: triaged, recorded with its first event, and the desk on shift
 * told, in one step. Whoever files it (the resident, or the desk on their behalf) is the actor.
 */
const fileRepair = async (intake: Intake, ctx: ActionContext, early?: Located) => {
  const { member, deps, now } = ctx;
  if (!intake.place && !intake.resident?.roomIds.includes(intake.roomId ?? '')) return failure('REPAIR.ROOM_NOT_YOURS');
  // Whose words the description is: the resident's, or the desk's where nobody reported it.
  const author = intake.resident?.openid ?? member.openid;
  // The text check runs beside the filing's own reads and is bounded: it never holds a repair back (R3).
  const [[where, settings], screening] = await Promise.all([
    early ?? located(deps, member.propertyId, intake),
    screenAtFiling(deps, { authorOpenid: author, byAuthor: intake.action === 'repairs.create', text: intake.description, photos: intake.photos }),
  ]);
  if (!where) return failure(intake.place ? 'REPAIR.PLACE_NOT_FOUND' : 'REPAIR.ROOM_NOT_YOURS');
  const triage = triageRepair(intake.category, intake.description);
  const repair = repairModel.toStored({
    _id: derivedId('rp', ctx.commandKey),
    propertyId: member.propertyId,
    status: 'submitted',
    version: 1,
    residentOpenid: intake.resident?.openid ?? null,
    residentName: intake.resident?.name ?? null,
    phone: intake.phone,
    ...where,
    category: intake.category,
    description: intake.description,
    preferredTime: intake.preferredTime,
    photos: intake.photos,
    channel: intake.channel,
    triage,
    priority: triage.urgent ? 'urgent' : 'normal',
    technician: null,
    dispatchedAt: null,
    createdBy: { openid: member.openid, role: member.role },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...lifeDefaults(now.toISOString()),
    callRecord: intake.callRecord,
    screening,
  });
  const event = birth(repairMachine, 'submit', { actor: member.openid, role: member.role, now, deviceTime: intake.deviceTime });
  const notices = newRepairNotices(repair, shiftAt(settings.shifts, now).deskOpenids, settings.wecomWebhook !== null);

  // R3: an urgent repair is never refused by a limit; R2: nor is what the desk registers for a resident.
  const quota = triage.urgent || !intake.resident || intake.action === 'repairs.register' ? null : dailyQuota('repairs', intake.resident.openid, settings, ctx);
  const queued: OutboxDoc[] = [];
  const checks: ContentCheckDoc[] = [];
  // Issue 16: the day's place is taken beside the transaction's first operation, and held before its commit.
  const { result: view, fresh } = await alongsideDailyLimit(deps.db, quota, (place) =>
    applyOnce(ctx, intake.action, async (tx) => {
      queued.length = 0;
      place.take();
      await writeRepairInTx(tx, repair, event, intake.commandId);
      for (const notice of notices) queued.push(await enqueueNotice(tx, repair._id, notice, now));
      checks.splice(0, checks.length, ...(await queueChecks(tx, { kind: 'repair', doc: repair, authorOpenid: author }, now, intake.commandId)));
      await place.held();
      // The promise is part of the recorded result, so a replay of this command answers it too.
      return { ...toView(repair, member, now), promise: repairPromise(repair.priority, settings.repairPromise) };
    }),
    // A replay answers the filing as its record holds it: filed then.
    (applied) => (applied.fresh ? null : applied.result.createdAt),
  );
  if (fresh) {
    await sendNow(deps, queued, settings);
    await submitNow(deps, repairStore, checks);
  }
  return ok(view);
};

type Where = Pick<RepairDoc, 'roomId' | 'address' | 'place'>;

/**
 * R1, issue 18 (5): the room of the property the repair is for, or its public place: a public area,
 * or a building the property has rooms in (one read, where a room's repair reads its room).
 */
const locate = async (db: Database, propertyId: string, intake: Pick<Intake, 'roomId' | 'place'>): Promise<Where | null> => {
  const { place } = intake;
  if (!place) {
    const room = await findRoomAsStored(db, intake.roomId ?? '');
    return room && room.propertyId === propertyId ? { roomId: room._id, address: { building: room.building, unit: room.unit, room: room.room }, place: null } : null;
  }
  if (place.scope === 'building') {
    if (!(await buildingHasRooms(db, propertyId, place.building))) return null;
  }
  return { roomId: null, address: null, place };
};

/** Where the repair is, and the property's settings. */
type Located = [Where | null, SettingsDoc];
const located = (deps: Deps, propertyId: string, intake: Pick<Intake, 'roomId' | 'place'>): Promise<Located> =>
  Promise.all([locate(deps.db, propertyId, intake), loadSettings(deps, propertyId)]);

/** R1: a resident files from the mini-program, for one of their rooms or a public place, with photos from their own folder. */
export const createRepair: Handler<typeof create> = async (input, ctx) => {
  if (!input.photos.every((fileId) => ownsFile(ctx.member, fileId))) return failure('REPAIR.PHOTO_NOT_YOURS');
  return fileRepair(
    { ...input, action: 'repairs.create', resident: ctx.member, channel: 'miniprogram', phone: ctx.member.phone, callRecord: null },
    ctx,
  );
};

/** The resident the desk files for, when it names one: active, of the desk's own property. */
const residentFor = (resident: MemberDoc | null, ctx: ActionContext): MemberDoc | null =>
  resident && resident.propertyId === ctx.member.propertyId && resident.role === 'resident' && resident.status === 'active' ? resident : null;

/**
 * Issue 16: what a registration reads needs only its input (the resident it names, the room or building, the
 * settings), so it is read with the desk's membership, not after it; the property's checks are made once the
 * router has authorised the caller, in the order they always were.
 */
const registerReads = (input: Parameters<Handler<typeof register>>[0], deps: Deps) =>
  Promise.all([input.residentId === undefined ? null : findMember(deps.db, input.residentId), located(deps, input.propertyId, input)]);

/**
 * R2 V2: the desk registers a phone call or a walk-in on a resident's behalf (for a room or a public
 * place she reports), with the call's details; issue 18 (5): or a public place's repair nobody
 * reported (the contract lets a repair with no resident through only for a public place).
 */
export const registerRepair: Handler<typeof register> = /* @__PURE__ */ withPrefetch<typeof register, Awaited<ReturnType<typeof registerReads>>>(registerReads, async (input, ctx, [named, place]) => {
  const resident = input.residentId === undefined ? null : residentFor(named, ctx);
  if (input.residentId !== undefined && !resident) return failure('REPAIR.RESIDENT_NOT_FOUND');
  return fileRepair(
    {
      ...input,
      action: 'repairs.register',
      resident,
      photos: [],
      callRecord: {
        callerName: input.callerName,
        phone: input.phone,
        subject: input.description,
        receivedAt: ctx.now.toISOString(),
        recorder: ctx.member.name,
      },
    },
    ctx,
    place,
  );
});

/** The desk queue changes for everyone; the member on shift is told personally; urgent ones also reach the staff group. */
const newRepairNotices = (repair: RepairDoc, onShift: readonly string[], hasGroup: boolean): Notice[] => {
  const urgent = repair.priority === 'urgent';
  const rule = repair.triage.rule ? `（${repair.triage.rule} ${messages.triageRules[repair.triage.rule]}）` : '';
  const base = {
    propertyId: repair.propertyId,
    kind: 'repair.new' as const,
    subject: { kind: 'repair', id: repair._id },
    title: `${urgent ? messages.priority.urgent : messages.notices['repair.new']} · ${repairWhere(repair)}`,
    body: `${messages.categories[repair.category]}：${textForOthers(repair.description, repair.screening.text)}${rule}`,
    urgent,
  };
  const recipients = [audienceOfRole('desk'), ...(urgent ? [audienceOfRole('supervisor')] : [])];
  return [
    ...recipients.map((recipient) => ({ ...base, channel: 'inbox' as const, recipient, ...deskOnShiftPushed(recipient, onShift) })),
    ...(urgent && hasGroup ? [{ ...base, channel: 'wecom' as const, recipient: 'group' }] : []),
  ];
};
